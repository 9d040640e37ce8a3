import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace vigil. */
export namespace vigil {

    /** Namespace v1. */
    namespace v1 {

        /** Represents an AuthorizationService */
        class AuthorizationService extends $protobuf.rpc.Service {

            /**
             * Constructs a new AuthorizationService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new AuthorizationService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): AuthorizationService;

            /** Calls Authorize. */
            authorize: vigil.v1.AuthorizationService.Authorize;
        }

        namespace AuthorizationService {

            /**
             * Callback as used by {@link vigil.v1.AuthorizationService#authorize}.
             * @param error Error, if any
             * @param [response] AuthorizeResponse
             */
            type AuthorizeCallback = (error: (Error|null), response?: vigil.v1.AuthorizeResponse) => void;

            /** Calls Authorize. */
            type Authorize = {
              (request: vigil.v1.IAuthorizeRequest, callback: vigil.v1.AuthorizationService.AuthorizeCallback): void;
              (request: vigil.v1.IAuthorizeRequest): Promise<vigil.v1.AuthorizeResponse>;
              readonly name: "Authorize";
              readonly path: "/vigil.v1.AuthorizationService/Authorize";
              readonly requestType: "AuthorizeRequest";
              readonly responseType: "AuthorizeResponse";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };
        }

        /**
         * Properties of an AuthorizeRequest.
         * @deprecated Use vigil.v1.AuthorizeRequest.$Properties instead.
         */
        interface IAuthorizeRequest extends vigil.v1.AuthorizeRequest.$Properties {
        }

        /** Represents an AuthorizeRequest. */
        class AuthorizeRequest {

            /**
             * Constructs a new AuthorizeRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.AuthorizeRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AuthorizeRequest userId. */
            userId: string;

            /** AuthorizeRequest action. */
            action: string;

            /** AuthorizeRequest resource. */
            resource: string;

            /** AuthorizeRequest context. */
            context?: (vigil.v1.RequestContext.$Properties|null);

            /** AuthorizeRequest tenantId. */
            tenantId: string;

            /**
             * Creates a new AuthorizeRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AuthorizeRequest instance
             */
            static create(properties: vigil.v1.AuthorizeRequest.$Shape): vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape;
            static create(properties?: vigil.v1.AuthorizeRequest.$Properties): vigil.v1.AuthorizeRequest;

            /**
             * Encodes the specified AuthorizeRequest message. Does not implicitly {@link vigil.v1.AuthorizeRequest.verify|verify} messages.
             * @param message AuthorizeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.AuthorizeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AuthorizeRequest message, length delimited. Does not implicitly {@link vigil.v1.AuthorizeRequest.verify|verify} messages.
             * @param message AuthorizeRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.AuthorizeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AuthorizeRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape} AuthorizeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape;

            /**
             * Decodes an AuthorizeRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape} AuthorizeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape;

            /**
             * Verifies an AuthorizeRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AuthorizeRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AuthorizeRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.AuthorizeRequest;

            /**
             * Creates a plain object from an AuthorizeRequest message. Also converts values to other types if specified.
             * @param message AuthorizeRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.AuthorizeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AuthorizeRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AuthorizeRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthorizeRequest {

            /** Properties of an AuthorizeRequest. */
            interface $Properties {

                /** AuthorizeRequest userId */
                userId?: (string|null);

                /** AuthorizeRequest action */
                action?: (string|null);

                /** AuthorizeRequest resource */
                resource?: (string|null);

                /** AuthorizeRequest context */
                context?: (vigil.v1.RequestContext.$Properties|null);

                /** AuthorizeRequest tenantId */
                tenantId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AuthorizeRequest. */
            type $Shape = vigil.v1.AuthorizeRequest.$Properties;
        }

        /**
         * Properties of a RequestContext.
         * @deprecated Use vigil.v1.RequestContext.$Properties instead.
         */
        interface IRequestContext extends vigil.v1.RequestContext.$Properties {
        }

        /** Represents a RequestContext. */
        class RequestContext {

            /**
             * Constructs a new RequestContext.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.RequestContext.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RequestContext ip. */
            ip: string;

            /** RequestContext deviceId. */
            deviceId: string;

            /** RequestContext sessionId. */
            sessionId: string;

            /** RequestContext geo. */
            geo?: (vigil.v1.Geo.$Properties|null);

            /** RequestContext userAgent. */
            userAgent: string;

            /**
             * Creates a new RequestContext instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RequestContext instance
             */
            static create(properties: vigil.v1.RequestContext.$Shape): vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape;
            static create(properties?: vigil.v1.RequestContext.$Properties): vigil.v1.RequestContext;

            /**
             * Encodes the specified RequestContext message. Does not implicitly {@link vigil.v1.RequestContext.verify|verify} messages.
             * @param message RequestContext message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.RequestContext.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RequestContext message, length delimited. Does not implicitly {@link vigil.v1.RequestContext.verify|verify} messages.
             * @param message RequestContext message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RequestContext.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RequestContext message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape} RequestContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape;

            /**
             * Decodes a RequestContext message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape} RequestContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape;

            /**
             * Verifies a RequestContext message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RequestContext message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RequestContext
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.RequestContext;

            /**
             * Creates a plain object from a RequestContext message. Also converts values to other types if specified.
             * @param message RequestContext
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.RequestContext, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RequestContext to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RequestContext
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RequestContext {

            /** Properties of a RequestContext. */
            interface $Properties {

                /** RequestContext ip */
                ip?: (string|null);

                /** RequestContext deviceId */
                deviceId?: (string|null);

                /** RequestContext sessionId */
                sessionId?: (string|null);

                /** RequestContext geo */
                geo?: (vigil.v1.Geo.$Properties|null);

                /** RequestContext userAgent */
                userAgent?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RequestContext. */
            type $Shape = vigil.v1.RequestContext.$Properties;
        }

        /** Decision enum. */
        enum Decision {

            /** DECISION_UNSPECIFIED value */
            DECISION_UNSPECIFIED = 0,

            /** DECISION_ALLOW value */
            DECISION_ALLOW = 1,

            /** DECISION_STEP_UP value */
            DECISION_STEP_UP = 2,

            /** DECISION_DENY value */
            DECISION_DENY = 3
        }

        /**
         * Properties of an AuthorizeResponse.
         * @deprecated Use vigil.v1.AuthorizeResponse.$Properties instead.
         */
        interface IAuthorizeResponse extends vigil.v1.AuthorizeResponse.$Properties {
        }

        /** Represents an AuthorizeResponse. */
        class AuthorizeResponse {

            /**
             * Constructs a new AuthorizeResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.AuthorizeResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AuthorizeResponse decision. */
            decision: vigil.v1.Decision;

            /** AuthorizeResponse riskScore. */
            riskScore: number;

            /** AuthorizeResponse reasons. */
            reasons: string[];

            /** AuthorizeResponse decisionId. */
            decisionId: string;

            /** AuthorizeResponse policyVersion. */
            policyVersion: string;

            /**
             * Creates a new AuthorizeResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AuthorizeResponse instance
             */
            static create(properties: vigil.v1.AuthorizeResponse.$Shape): vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape;
            static create(properties?: vigil.v1.AuthorizeResponse.$Properties): vigil.v1.AuthorizeResponse;

            /**
             * Encodes the specified AuthorizeResponse message. Does not implicitly {@link vigil.v1.AuthorizeResponse.verify|verify} messages.
             * @param message AuthorizeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.AuthorizeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AuthorizeResponse message, length delimited. Does not implicitly {@link vigil.v1.AuthorizeResponse.verify|verify} messages.
             * @param message AuthorizeResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.AuthorizeResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AuthorizeResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape} AuthorizeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape;

            /**
             * Decodes an AuthorizeResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape} AuthorizeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape;

            /**
             * Verifies an AuthorizeResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AuthorizeResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AuthorizeResponse
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.AuthorizeResponse;

            /**
             * Creates a plain object from an AuthorizeResponse message. Also converts values to other types if specified.
             * @param message AuthorizeResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.AuthorizeResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AuthorizeResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AuthorizeResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthorizeResponse {

            /** Properties of an AuthorizeResponse. */
            interface $Properties {

                /** AuthorizeResponse decision */
                decision?: (vigil.v1.Decision|null);

                /** AuthorizeResponse riskScore */
                riskScore?: (number|null);

                /** AuthorizeResponse reasons */
                reasons?: (string[]|null);

                /** AuthorizeResponse decisionId */
                decisionId?: (string|null);

                /** AuthorizeResponse policyVersion */
                policyVersion?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AuthorizeResponse. */
            type $Shape = vigil.v1.AuthorizeResponse.$Properties;
        }

        /**
         * Properties of an AuthzDecision.
         * @deprecated Use vigil.v1.AuthzDecision.$Properties instead.
         */
        interface IAuthzDecision extends vigil.v1.AuthzDecision.$Properties {
        }

        /** Represents an AuthzDecision. */
        class AuthzDecision {

            /**
             * Constructs a new AuthzDecision.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.AuthzDecision.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AuthzDecision decisionId. */
            decisionId: string;

            /** AuthzDecision decidedAt. */
            decidedAt?: (google.protobuf.Timestamp.$Properties|null);

            /** AuthzDecision request. */
            request?: (vigil.v1.AuthorizeRequest.$Properties|null);

            /** AuthzDecision decision. */
            decision: vigil.v1.Decision;

            /** AuthzDecision riskScore. */
            riskScore: number;

            /** AuthzDecision reasons. */
            reasons: string[];

            /** AuthzDecision policyVersion. */
            policyVersion: string;

            /** AuthzDecision caller. */
            caller: string;

            /** AuthzDecision degraded. */
            degraded: boolean;

            /** AuthzDecision source. */
            source: vigil.v1.DecisionSource;

            /** AuthzDecision extAuthz. */
            extAuthz?: (vigil.v1.ExtAuthzRequest.$Properties|null);

            /**
             * Creates a new AuthzDecision instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AuthzDecision instance
             */
            static create(properties: vigil.v1.AuthzDecision.$Shape): vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape;
            static create(properties?: vigil.v1.AuthzDecision.$Properties): vigil.v1.AuthzDecision;

            /**
             * Encodes the specified AuthzDecision message. Does not implicitly {@link vigil.v1.AuthzDecision.verify|verify} messages.
             * @param message AuthzDecision message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.AuthzDecision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AuthzDecision message, length delimited. Does not implicitly {@link vigil.v1.AuthzDecision.verify|verify} messages.
             * @param message AuthzDecision message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.AuthzDecision.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AuthzDecision message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape} AuthzDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape;

            /**
             * Decodes an AuthzDecision message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape} AuthzDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape;

            /**
             * Verifies an AuthzDecision message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AuthzDecision message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AuthzDecision
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.AuthzDecision;

            /**
             * Creates a plain object from an AuthzDecision message. Also converts values to other types if specified.
             * @param message AuthzDecision
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.AuthzDecision, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AuthzDecision to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AuthzDecision
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AuthzDecision {

            /** Properties of an AuthzDecision. */
            interface $Properties {

                /** AuthzDecision decisionId */
                decisionId?: (string|null);

                /** AuthzDecision decidedAt */
                decidedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** AuthzDecision request */
                request?: (vigil.v1.AuthorizeRequest.$Properties|null);

                /** AuthzDecision decision */
                decision?: (vigil.v1.Decision|null);

                /** AuthzDecision riskScore */
                riskScore?: (number|null);

                /** AuthzDecision reasons */
                reasons?: (string[]|null);

                /** AuthzDecision policyVersion */
                policyVersion?: (string|null);

                /** AuthzDecision caller */
                caller?: (string|null);

                /** AuthzDecision degraded */
                degraded?: (boolean|null);

                /** AuthzDecision source */
                source?: (vigil.v1.DecisionSource|null);

                /** AuthzDecision extAuthz */
                extAuthz?: (vigil.v1.ExtAuthzRequest.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AuthzDecision. */
            type $Shape = vigil.v1.AuthzDecision.$Properties;
        }

        /** DecisionSource enum. */
        enum DecisionSource {

            /** DECISION_SOURCE_UNSPECIFIED value */
            DECISION_SOURCE_UNSPECIFIED = 0,

            /** DECISION_SOURCE_AUTHORIZE value */
            DECISION_SOURCE_AUTHORIZE = 1,

            /** DECISION_SOURCE_EXT_AUTHZ value */
            DECISION_SOURCE_EXT_AUTHZ = 2
        }

        /**
         * Properties of an ExtAuthzRequest.
         * @deprecated Use vigil.v1.ExtAuthzRequest.$Properties instead.
         */
        interface IExtAuthzRequest extends vigil.v1.ExtAuthzRequest.$Properties {
        }

        /** Represents an ExtAuthzRequest. */
        class ExtAuthzRequest {

            /**
             * Constructs a new ExtAuthzRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.ExtAuthzRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ExtAuthzRequest requestId. */
            requestId: string;

            /** ExtAuthzRequest method. */
            method: string;

            /** ExtAuthzRequest host. */
            host: string;

            /** ExtAuthzRequest path. */
            path: string;

            /** ExtAuthzRequest route. */
            route: string;

            /** ExtAuthzRequest sensitivity. */
            sensitivity: string;

            /** ExtAuthzRequest userSource. */
            userSource: string;

            /**
             * Creates a new ExtAuthzRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ExtAuthzRequest instance
             */
            static create(properties: vigil.v1.ExtAuthzRequest.$Shape): vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape;
            static create(properties?: vigil.v1.ExtAuthzRequest.$Properties): vigil.v1.ExtAuthzRequest;

            /**
             * Encodes the specified ExtAuthzRequest message. Does not implicitly {@link vigil.v1.ExtAuthzRequest.verify|verify} messages.
             * @param message ExtAuthzRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.ExtAuthzRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ExtAuthzRequest message, length delimited. Does not implicitly {@link vigil.v1.ExtAuthzRequest.verify|verify} messages.
             * @param message ExtAuthzRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ExtAuthzRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an ExtAuthzRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape} ExtAuthzRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape;

            /**
             * Decodes an ExtAuthzRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape} ExtAuthzRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape;

            /**
             * Verifies an ExtAuthzRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an ExtAuthzRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ExtAuthzRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.ExtAuthzRequest;

            /**
             * Creates a plain object from an ExtAuthzRequest message. Also converts values to other types if specified.
             * @param message ExtAuthzRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.ExtAuthzRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ExtAuthzRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ExtAuthzRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ExtAuthzRequest {

            /** Properties of an ExtAuthzRequest. */
            interface $Properties {

                /** ExtAuthzRequest requestId */
                requestId?: (string|null);

                /** ExtAuthzRequest method */
                method?: (string|null);

                /** ExtAuthzRequest host */
                host?: (string|null);

                /** ExtAuthzRequest path */
                path?: (string|null);

                /** ExtAuthzRequest route */
                route?: (string|null);

                /** ExtAuthzRequest sensitivity */
                sensitivity?: (string|null);

                /** ExtAuthzRequest userSource */
                userSource?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an ExtAuthzRequest. */
            type $Shape = vigil.v1.ExtAuthzRequest.$Properties;
        }

        /** Represents a RiskAdminService */
        class RiskAdminService extends $protobuf.rpc.Service {

            /**
             * Constructs a new RiskAdminService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new RiskAdminService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): RiskAdminService;

            /** Calls GetRiskProfile. */
            getRiskProfile: vigil.v1.RiskAdminService.GetRiskProfile;

            /** Calls ClearRestriction. */
            clearRestriction: vigil.v1.RiskAdminService.ClearRestriction;

            /** Calls RestrictUser. */
            restrictUser: vigil.v1.RiskAdminService.RestrictUser;
        }

        namespace RiskAdminService {

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#getRiskProfile}.
             * @param error Error, if any
             * @param [response] RiskProfile
             */
            type GetRiskProfileCallback = (error: (Error|null), response?: vigil.v1.RiskProfile) => void;

            /** Calls GetRiskProfile. */
            type GetRiskProfile = {
              (request: vigil.v1.IGetRiskProfileRequest, callback: vigil.v1.RiskAdminService.GetRiskProfileCallback): void;
              (request: vigil.v1.IGetRiskProfileRequest): Promise<vigil.v1.RiskProfile>;
              readonly name: "GetRiskProfile";
              readonly path: "/vigil.v1.RiskAdminService/GetRiskProfile";
              readonly requestType: "GetRiskProfileRequest";
              readonly responseType: "RiskProfile";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#clearRestriction}.
             * @param error Error, if any
             * @param [response] ClearRestrictionResponse
             */
            type ClearRestrictionCallback = (error: (Error|null), response?: vigil.v1.ClearRestrictionResponse) => void;

            /** Calls ClearRestriction. */
            type ClearRestriction = {
              (request: vigil.v1.IClearRestrictionRequest, callback: vigil.v1.RiskAdminService.ClearRestrictionCallback): void;
              (request: vigil.v1.IClearRestrictionRequest): Promise<vigil.v1.ClearRestrictionResponse>;
              readonly name: "ClearRestriction";
              readonly path: "/vigil.v1.RiskAdminService/ClearRestriction";
              readonly requestType: "ClearRestrictionRequest";
              readonly responseType: "ClearRestrictionResponse";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#restrictUser}.
             * @param error Error, if any
             * @param [response] RestrictUserResponse
             */
            type RestrictUserCallback = (error: (Error|null), response?: vigil.v1.RestrictUserResponse) => void;

            /** Calls RestrictUser. */
            type RestrictUser = {
              (request: vigil.v1.IRestrictUserRequest, callback: vigil.v1.RiskAdminService.RestrictUserCallback): void;
              (request: vigil.v1.IRestrictUserRequest): Promise<vigil.v1.RestrictUserResponse>;
              readonly name: "RestrictUser";
              readonly path: "/vigil.v1.RiskAdminService/RestrictUser";
              readonly requestType: "RestrictUserRequest";
              readonly responseType: "RestrictUserResponse";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };
        }

        /**
         * Properties of a GetRiskProfileRequest.
         * @deprecated Use vigil.v1.GetRiskProfileRequest.$Properties instead.
         */
        interface IGetRiskProfileRequest extends vigil.v1.GetRiskProfileRequest.$Properties {
        }

        /** Represents a GetRiskProfileRequest. */
        class GetRiskProfileRequest {

            /**
             * Constructs a new GetRiskProfileRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.GetRiskProfileRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** GetRiskProfileRequest userId. */
            userId: string;

            /**
             * Creates a new GetRiskProfileRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns GetRiskProfileRequest instance
             */
            static create(properties: vigil.v1.GetRiskProfileRequest.$Shape): vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape;
            static create(properties?: vigil.v1.GetRiskProfileRequest.$Properties): vigil.v1.GetRiskProfileRequest;

            /**
             * Encodes the specified GetRiskProfileRequest message. Does not implicitly {@link vigil.v1.GetRiskProfileRequest.verify|verify} messages.
             * @param message GetRiskProfileRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.GetRiskProfileRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified GetRiskProfileRequest message, length delimited. Does not implicitly {@link vigil.v1.GetRiskProfileRequest.verify|verify} messages.
             * @param message GetRiskProfileRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.GetRiskProfileRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a GetRiskProfileRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape} GetRiskProfileRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape;

            /**
             * Decodes a GetRiskProfileRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape} GetRiskProfileRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape;

            /**
             * Verifies a GetRiskProfileRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a GetRiskProfileRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns GetRiskProfileRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.GetRiskProfileRequest;

            /**
             * Creates a plain object from a GetRiskProfileRequest message. Also converts values to other types if specified.
             * @param message GetRiskProfileRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.GetRiskProfileRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this GetRiskProfileRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for GetRiskProfileRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace GetRiskProfileRequest {

            /** Properties of a GetRiskProfileRequest. */
            interface $Properties {

                /** GetRiskProfileRequest userId */
                userId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a GetRiskProfileRequest. */
            type $Shape = vigil.v1.GetRiskProfileRequest.$Properties;
        }

        /**
         * Properties of a RiskReason.
         * @deprecated Use vigil.v1.RiskReason.$Properties instead.
         */
        interface IRiskReason extends vigil.v1.RiskReason.$Properties {
        }

        /** Represents a RiskReason. */
        class RiskReason {

            /**
             * Constructs a new RiskReason.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.RiskReason.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RiskReason code. */
            code: string;

            /** RiskReason weight. */
            weight: number;

            /** RiskReason raisedAt. */
            raisedAt?: (google.protobuf.Timestamp.$Properties|null);

            /** RiskReason expiresAt. */
            expiresAt?: (google.protobuf.Timestamp.$Properties|null);

            /**
             * Creates a new RiskReason instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RiskReason instance
             */
            static create(properties: vigil.v1.RiskReason.$Shape): vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape;
            static create(properties?: vigil.v1.RiskReason.$Properties): vigil.v1.RiskReason;

            /**
             * Encodes the specified RiskReason message. Does not implicitly {@link vigil.v1.RiskReason.verify|verify} messages.
             * @param message RiskReason message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.RiskReason.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RiskReason message, length delimited. Does not implicitly {@link vigil.v1.RiskReason.verify|verify} messages.
             * @param message RiskReason message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RiskReason.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RiskReason message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape} RiskReason
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape;

            /**
             * Decodes a RiskReason message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape} RiskReason
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape;

            /**
             * Verifies a RiskReason message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RiskReason message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RiskReason
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.RiskReason;

            /**
             * Creates a plain object from a RiskReason message. Also converts values to other types if specified.
             * @param message RiskReason
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.RiskReason, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RiskReason to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RiskReason
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RiskReason {

            /** Properties of a RiskReason. */
            interface $Properties {

                /** RiskReason code */
                code?: (string|null);

                /** RiskReason weight */
                weight?: (number|null);

                /** RiskReason raisedAt */
                raisedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** RiskReason expiresAt */
                expiresAt?: (google.protobuf.Timestamp.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RiskReason. */
            type $Shape = vigil.v1.RiskReason.$Properties;
        }

        /**
         * Properties of a KnownAttribute.
         * @deprecated Use vigil.v1.KnownAttribute.$Properties instead.
         */
        interface IKnownAttribute extends vigil.v1.KnownAttribute.$Properties {
        }

        /** Represents a KnownAttribute. */
        class KnownAttribute {

            /**
             * Constructs a new KnownAttribute.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.KnownAttribute.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** KnownAttribute value. */
            value: string;

            /** KnownAttribute firstSeen. */
            firstSeen?: (google.protobuf.Timestamp.$Properties|null);

            /** KnownAttribute lastSeen. */
            lastSeen?: (google.protobuf.Timestamp.$Properties|null);

            /**
             * Creates a new KnownAttribute instance using the specified properties.
             * @param [properties] Properties to set
             * @returns KnownAttribute instance
             */
            static create(properties: vigil.v1.KnownAttribute.$Shape): vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape;
            static create(properties?: vigil.v1.KnownAttribute.$Properties): vigil.v1.KnownAttribute;

            /**
             * Encodes the specified KnownAttribute message. Does not implicitly {@link vigil.v1.KnownAttribute.verify|verify} messages.
             * @param message KnownAttribute message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.KnownAttribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified KnownAttribute message, length delimited. Does not implicitly {@link vigil.v1.KnownAttribute.verify|verify} messages.
             * @param message KnownAttribute message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.KnownAttribute.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a KnownAttribute message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape} KnownAttribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape;

            /**
             * Decodes a KnownAttribute message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape} KnownAttribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape;

            /**
             * Verifies a KnownAttribute message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a KnownAttribute message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns KnownAttribute
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.KnownAttribute;

            /**
             * Creates a plain object from a KnownAttribute message. Also converts values to other types if specified.
             * @param message KnownAttribute
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.KnownAttribute, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this KnownAttribute to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for KnownAttribute
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace KnownAttribute {

            /** Properties of a KnownAttribute. */
            interface $Properties {

                /** KnownAttribute value */
                value?: (string|null);

                /** KnownAttribute firstSeen */
                firstSeen?: (google.protobuf.Timestamp.$Properties|null);

                /** KnownAttribute lastSeen */
                lastSeen?: (google.protobuf.Timestamp.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a KnownAttribute. */
            type $Shape = vigil.v1.KnownAttribute.$Properties;
        }

        /**
         * Properties of a Restriction.
         * @deprecated Use vigil.v1.Restriction.$Properties instead.
         */
        interface IRestriction extends vigil.v1.Restriction.$Properties {
        }

        /** Represents a Restriction. */
        class Restriction {

            /**
             * Constructs a new Restriction.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.Restriction.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Restriction active. */
            active: boolean;

            /** Restriction since. */
            since?: (google.protobuf.Timestamp.$Properties|null);

            /** Restriction until. */
            until?: (google.protobuf.Timestamp.$Properties|null);

            /** Restriction reasons. */
            reasons: string[];

            /**
             * Creates a new Restriction instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Restriction instance
             */
            static create(properties: vigil.v1.Restriction.$Shape): vigil.v1.Restriction & vigil.v1.Restriction.$Shape;
            static create(properties?: vigil.v1.Restriction.$Properties): vigil.v1.Restriction;

            /**
             * Encodes the specified Restriction message. Does not implicitly {@link vigil.v1.Restriction.verify|verify} messages.
             * @param message Restriction message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.Restriction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Restriction message, length delimited. Does not implicitly {@link vigil.v1.Restriction.verify|verify} messages.
             * @param message Restriction message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Restriction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Restriction message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.Restriction & vigil.v1.Restriction.$Shape} Restriction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Restriction & vigil.v1.Restriction.$Shape;

            /**
             * Decodes a Restriction message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Restriction & vigil.v1.Restriction.$Shape} Restriction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Restriction & vigil.v1.Restriction.$Shape;

            /**
             * Verifies a Restriction message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Restriction message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Restriction
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.Restriction;

            /**
             * Creates a plain object from a Restriction message. Also converts values to other types if specified.
             * @param message Restriction
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.Restriction, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Restriction to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Restriction
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Restriction {

            /** Properties of a Restriction. */
            interface $Properties {

                /** Restriction active */
                active?: (boolean|null);

                /** Restriction since */
                since?: (google.protobuf.Timestamp.$Properties|null);

                /** Restriction until */
                until?: (google.protobuf.Timestamp.$Properties|null);

                /** Restriction reasons */
                reasons?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Restriction. */
            type $Shape = vigil.v1.Restriction.$Properties;
        }

        /**
         * Properties of a RiskProfile.
         * @deprecated Use vigil.v1.RiskProfile.$Properties instead.
         */
        interface IRiskProfile extends vigil.v1.RiskProfile.$Properties {
        }

        /** Represents a RiskProfile. */
        class RiskProfile {

            /**
             * Constructs a new RiskProfile.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.RiskProfile.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RiskProfile userId. */
            userId: string;

            /** RiskProfile riskScore. */
            riskScore: number;

            /** RiskProfile reasons. */
            reasons: vigil.v1.RiskReason.$Properties[];

            /** RiskProfile knownDevices. */
            knownDevices: vigil.v1.KnownAttribute.$Properties[];

            /** RiskProfile knownIps. */
            knownIps: vigil.v1.KnownAttribute.$Properties[];

            /** RiskProfile knownCountries. */
            knownCountries: vigil.v1.KnownAttribute.$Properties[];

            /** RiskProfile restriction. */
            restriction?: (vigil.v1.Restriction.$Properties|null);

            /** RiskProfile lastApplied. */
            lastApplied: string;

            /** RiskProfile eventsApplied. */
            eventsApplied: number;

            /** RiskProfile reviewedAt. */
            reviewedAt?: (google.protobuf.Timestamp.$Properties|null);

            /**
             * Creates a new RiskProfile instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RiskProfile instance
             */
            static create(properties: vigil.v1.RiskProfile.$Shape): vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape;
            static create(properties?: vigil.v1.RiskProfile.$Properties): vigil.v1.RiskProfile;

            /**
             * Encodes the specified RiskProfile message. Does not implicitly {@link vigil.v1.RiskProfile.verify|verify} messages.
             * @param message RiskProfile message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.RiskProfile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RiskProfile message, length delimited. Does not implicitly {@link vigil.v1.RiskProfile.verify|verify} messages.
             * @param message RiskProfile message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RiskProfile.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RiskProfile message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape} RiskProfile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape;

            /**
             * Decodes a RiskProfile message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape} RiskProfile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape;

            /**
             * Verifies a RiskProfile message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RiskProfile message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RiskProfile
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.RiskProfile;

            /**
             * Creates a plain object from a RiskProfile message. Also converts values to other types if specified.
             * @param message RiskProfile
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.RiskProfile, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RiskProfile to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RiskProfile
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RiskProfile {

            /** Properties of a RiskProfile. */
            interface $Properties {

                /** RiskProfile userId */
                userId?: (string|null);

                /** RiskProfile riskScore */
                riskScore?: (number|null);

                /** RiskProfile reasons */
                reasons?: (vigil.v1.RiskReason.$Properties[]|null);

                /** RiskProfile knownDevices */
                knownDevices?: (vigil.v1.KnownAttribute.$Properties[]|null);

                /** RiskProfile knownIps */
                knownIps?: (vigil.v1.KnownAttribute.$Properties[]|null);

                /** RiskProfile knownCountries */
                knownCountries?: (vigil.v1.KnownAttribute.$Properties[]|null);

                /** RiskProfile restriction */
                restriction?: (vigil.v1.Restriction.$Properties|null);

                /** RiskProfile lastApplied */
                lastApplied?: (string|null);

                /** RiskProfile eventsApplied */
                eventsApplied?: (number|null);

                /** RiskProfile reviewedAt */
                reviewedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RiskProfile. */
            type $Shape = vigil.v1.RiskProfile.$Properties;
        }

        /**
         * Properties of a ClearRestrictionRequest.
         * @deprecated Use vigil.v1.ClearRestrictionRequest.$Properties instead.
         */
        interface IClearRestrictionRequest extends vigil.v1.ClearRestrictionRequest.$Properties {
        }

        /** Represents a ClearRestrictionRequest. */
        class ClearRestrictionRequest {

            /**
             * Constructs a new ClearRestrictionRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.ClearRestrictionRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClearRestrictionRequest userId. */
            userId: string;

            /** ClearRestrictionRequest reviewer. */
            reviewer: string;

            /** ClearRestrictionRequest reason. */
            reason: string;

            /**
             * Creates a new ClearRestrictionRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClearRestrictionRequest instance
             */
            static create(properties: vigil.v1.ClearRestrictionRequest.$Shape): vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape;
            static create(properties?: vigil.v1.ClearRestrictionRequest.$Properties): vigil.v1.ClearRestrictionRequest;

            /**
             * Encodes the specified ClearRestrictionRequest message. Does not implicitly {@link vigil.v1.ClearRestrictionRequest.verify|verify} messages.
             * @param message ClearRestrictionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.ClearRestrictionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClearRestrictionRequest message, length delimited. Does not implicitly {@link vigil.v1.ClearRestrictionRequest.verify|verify} messages.
             * @param message ClearRestrictionRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClearRestrictionRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClearRestrictionRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape} ClearRestrictionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape;

            /**
             * Decodes a ClearRestrictionRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape} ClearRestrictionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape;

            /**
             * Verifies a ClearRestrictionRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ClearRestrictionRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ClearRestrictionRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.ClearRestrictionRequest;

            /**
             * Creates a plain object from a ClearRestrictionRequest message. Also converts values to other types if specified.
             * @param message ClearRestrictionRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.ClearRestrictionRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClearRestrictionRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClearRestrictionRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClearRestrictionRequest {

            /** Properties of a ClearRestrictionRequest. */
            interface $Properties {

                /** ClearRestrictionRequest userId */
                userId?: (string|null);

                /** ClearRestrictionRequest reviewer */
                reviewer?: (string|null);

                /** ClearRestrictionRequest reason */
                reason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClearRestrictionRequest. */
            type $Shape = vigil.v1.ClearRestrictionRequest.$Properties;
        }

        /**
         * Properties of a ClearRestrictionResponse.
         * @deprecated Use vigil.v1.ClearRestrictionResponse.$Properties instead.
         */
        interface IClearRestrictionResponse extends vigil.v1.ClearRestrictionResponse.$Properties {
        }

        /** Represents a ClearRestrictionResponse. */
        class ClearRestrictionResponse {

            /**
             * Constructs a new ClearRestrictionResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.ClearRestrictionResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClearRestrictionResponse wasRestricted. */
            wasRestricted: boolean;

            /** ClearRestrictionResponse auditEventId. */
            auditEventId: string;

            /** ClearRestrictionResponse applied. */
            applied: boolean;

            /**
             * Creates a new ClearRestrictionResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClearRestrictionResponse instance
             */
            static create(properties: vigil.v1.ClearRestrictionResponse.$Shape): vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape;
            static create(properties?: vigil.v1.ClearRestrictionResponse.$Properties): vigil.v1.ClearRestrictionResponse;

            /**
             * Encodes the specified ClearRestrictionResponse message. Does not implicitly {@link vigil.v1.ClearRestrictionResponse.verify|verify} messages.
             * @param message ClearRestrictionResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.ClearRestrictionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClearRestrictionResponse message, length delimited. Does not implicitly {@link vigil.v1.ClearRestrictionResponse.verify|verify} messages.
             * @param message ClearRestrictionResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClearRestrictionResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClearRestrictionResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape} ClearRestrictionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape;

            /**
             * Decodes a ClearRestrictionResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape} ClearRestrictionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape;

            /**
             * Verifies a ClearRestrictionResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a ClearRestrictionResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns ClearRestrictionResponse
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.ClearRestrictionResponse;

            /**
             * Creates a plain object from a ClearRestrictionResponse message. Also converts values to other types if specified.
             * @param message ClearRestrictionResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.ClearRestrictionResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClearRestrictionResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClearRestrictionResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClearRestrictionResponse {

            /** Properties of a ClearRestrictionResponse. */
            interface $Properties {

                /** ClearRestrictionResponse wasRestricted */
                wasRestricted?: (boolean|null);

                /** ClearRestrictionResponse auditEventId */
                auditEventId?: (string|null);

                /** ClearRestrictionResponse applied */
                applied?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClearRestrictionResponse. */
            type $Shape = vigil.v1.ClearRestrictionResponse.$Properties;
        }

        /**
         * Properties of a RestrictUserRequest.
         * @deprecated Use vigil.v1.RestrictUserRequest.$Properties instead.
         */
        interface IRestrictUserRequest extends vigil.v1.RestrictUserRequest.$Properties {
        }

        /** Represents a RestrictUserRequest. */
        class RestrictUserRequest {

            /**
             * Constructs a new RestrictUserRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.RestrictUserRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RestrictUserRequest userId. */
            userId: string;

            /** RestrictUserRequest reviewer. */
            reviewer: string;

            /** RestrictUserRequest reason. */
            reason: string;

            /** RestrictUserRequest ttlSeconds. */
            ttlSeconds: number;

            /**
             * Creates a new RestrictUserRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RestrictUserRequest instance
             */
            static create(properties: vigil.v1.RestrictUserRequest.$Shape): vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape;
            static create(properties?: vigil.v1.RestrictUserRequest.$Properties): vigil.v1.RestrictUserRequest;

            /**
             * Encodes the specified RestrictUserRequest message. Does not implicitly {@link vigil.v1.RestrictUserRequest.verify|verify} messages.
             * @param message RestrictUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.RestrictUserRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RestrictUserRequest message, length delimited. Does not implicitly {@link vigil.v1.RestrictUserRequest.verify|verify} messages.
             * @param message RestrictUserRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RestrictUserRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RestrictUserRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape} RestrictUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape;

            /**
             * Decodes a RestrictUserRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape} RestrictUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape;

            /**
             * Verifies a RestrictUserRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RestrictUserRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RestrictUserRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.RestrictUserRequest;

            /**
             * Creates a plain object from a RestrictUserRequest message. Also converts values to other types if specified.
             * @param message RestrictUserRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.RestrictUserRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RestrictUserRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RestrictUserRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RestrictUserRequest {

            /** Properties of a RestrictUserRequest. */
            interface $Properties {

                /** RestrictUserRequest userId */
                userId?: (string|null);

                /** RestrictUserRequest reviewer */
                reviewer?: (string|null);

                /** RestrictUserRequest reason */
                reason?: (string|null);

                /** RestrictUserRequest ttlSeconds */
                ttlSeconds?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RestrictUserRequest. */
            type $Shape = vigil.v1.RestrictUserRequest.$Properties;
        }

        /**
         * Properties of a RestrictUserResponse.
         * @deprecated Use vigil.v1.RestrictUserResponse.$Properties instead.
         */
        interface IRestrictUserResponse extends vigil.v1.RestrictUserResponse.$Properties {
        }

        /** Represents a RestrictUserResponse. */
        class RestrictUserResponse {

            /**
             * Constructs a new RestrictUserResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.RestrictUserResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RestrictUserResponse auditEventId. */
            auditEventId: string;

            /** RestrictUserResponse applied. */
            applied: boolean;

            /** RestrictUserResponse until. */
            until?: (google.protobuf.Timestamp.$Properties|null);

            /**
             * Creates a new RestrictUserResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RestrictUserResponse instance
             */
            static create(properties: vigil.v1.RestrictUserResponse.$Shape): vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape;
            static create(properties?: vigil.v1.RestrictUserResponse.$Properties): vigil.v1.RestrictUserResponse;

            /**
             * Encodes the specified RestrictUserResponse message. Does not implicitly {@link vigil.v1.RestrictUserResponse.verify|verify} messages.
             * @param message RestrictUserResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.RestrictUserResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RestrictUserResponse message, length delimited. Does not implicitly {@link vigil.v1.RestrictUserResponse.verify|verify} messages.
             * @param message RestrictUserResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RestrictUserResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RestrictUserResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape} RestrictUserResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape;

            /**
             * Decodes a RestrictUserResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape} RestrictUserResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape;

            /**
             * Verifies a RestrictUserResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a RestrictUserResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns RestrictUserResponse
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.RestrictUserResponse;

            /**
             * Creates a plain object from a RestrictUserResponse message. Also converts values to other types if specified.
             * @param message RestrictUserResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.RestrictUserResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RestrictUserResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RestrictUserResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RestrictUserResponse {

            /** Properties of a RestrictUserResponse. */
            interface $Properties {

                /** RestrictUserResponse auditEventId */
                auditEventId?: (string|null);

                /** RestrictUserResponse applied */
                applied?: (boolean|null);

                /** RestrictUserResponse until */
                until?: (google.protobuf.Timestamp.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RestrictUserResponse. */
            type $Shape = vigil.v1.RestrictUserResponse.$Properties;
        }

        /**
         * Properties of an AccessEvent.
         * @deprecated Use vigil.v1.AccessEvent.$Properties instead.
         */
        interface IAccessEvent extends vigil.v1.AccessEvent.$Properties {
        }

        /** Represents an AccessEvent. */
        class AccessEvent {

            /**
             * Constructs a new AccessEvent.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.AccessEvent.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AccessEvent eventId. */
            eventId: string;

            /** AccessEvent occurredAt. */
            occurredAt?: (google.protobuf.Timestamp.$Properties|null);

            /** AccessEvent receivedAt. */
            receivedAt?: (google.protobuf.Timestamp.$Properties|null);

            /** AccessEvent tenantId. */
            tenantId: string;

            /** AccessEvent actor. */
            actor?: (vigil.v1.Actor.$Properties|null);

            /** AccessEvent action. */
            action: string;

            /** AccessEvent resource. */
            resource: string;

            /** AccessEvent outcome. */
            outcome: vigil.v1.Outcome;

            /** AccessEvent source. */
            source: string;

            /** AccessEvent attributes. */
            attributes: { [k: string]: string };

            /** AccessEvent establishes. */
            establishes?: (vigil.v1.Establishes.$Properties|null);

            /**
             * Creates a new AccessEvent instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AccessEvent instance
             */
            static create(properties: vigil.v1.AccessEvent.$Shape): vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape;
            static create(properties?: vigil.v1.AccessEvent.$Properties): vigil.v1.AccessEvent;

            /**
             * Encodes the specified AccessEvent message. Does not implicitly {@link vigil.v1.AccessEvent.verify|verify} messages.
             * @param message AccessEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.AccessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AccessEvent message, length delimited. Does not implicitly {@link vigil.v1.AccessEvent.verify|verify} messages.
             * @param message AccessEvent message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.AccessEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AccessEvent message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape} AccessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape;

            /**
             * Decodes an AccessEvent message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape} AccessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape;

            /**
             * Verifies an AccessEvent message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an AccessEvent message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns AccessEvent
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.AccessEvent;

            /**
             * Creates a plain object from an AccessEvent message. Also converts values to other types if specified.
             * @param message AccessEvent
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.AccessEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AccessEvent to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AccessEvent
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AccessEvent {

            /** Properties of an AccessEvent. */
            interface $Properties {

                /** AccessEvent eventId */
                eventId?: (string|null);

                /** AccessEvent occurredAt */
                occurredAt?: (google.protobuf.Timestamp.$Properties|null);

                /** AccessEvent receivedAt */
                receivedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** AccessEvent tenantId */
                tenantId?: (string|null);

                /** AccessEvent actor */
                actor?: (vigil.v1.Actor.$Properties|null);

                /** AccessEvent action */
                action?: (string|null);

                /** AccessEvent resource */
                resource?: (string|null);

                /** AccessEvent outcome */
                outcome?: (vigil.v1.Outcome|null);

                /** AccessEvent source */
                source?: (string|null);

                /** AccessEvent attributes */
                attributes?: ({ [k: string]: string }|null);

                /** AccessEvent establishes */
                establishes?: (vigil.v1.Establishes.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an AccessEvent. */
            type $Shape = vigil.v1.AccessEvent.$Properties;
        }

        /**
         * Properties of an Establishes.
         * @deprecated Use vigil.v1.Establishes.$Properties instead.
         */
        interface IEstablishes extends vigil.v1.Establishes.$Properties {
        }

        /** Represents an Establishes. */
        class Establishes {

            /**
             * Constructs a new Establishes.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.Establishes.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Establishes knownAttributes. */
            knownAttributes: boolean;

            /** Establishes failedAuthentication. */
            failedAuthentication: boolean;

            /**
             * Creates a new Establishes instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Establishes instance
             */
            static create(properties: vigil.v1.Establishes.$Shape): vigil.v1.Establishes & vigil.v1.Establishes.$Shape;
            static create(properties?: vigil.v1.Establishes.$Properties): vigil.v1.Establishes;

            /**
             * Encodes the specified Establishes message. Does not implicitly {@link vigil.v1.Establishes.verify|verify} messages.
             * @param message Establishes message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.Establishes.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Establishes message, length delimited. Does not implicitly {@link vigil.v1.Establishes.verify|verify} messages.
             * @param message Establishes message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Establishes.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Establishes message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.Establishes & vigil.v1.Establishes.$Shape} Establishes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Establishes & vigil.v1.Establishes.$Shape;

            /**
             * Decodes an Establishes message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Establishes & vigil.v1.Establishes.$Shape} Establishes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Establishes & vigil.v1.Establishes.$Shape;

            /**
             * Verifies an Establishes message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Establishes message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Establishes
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.Establishes;

            /**
             * Creates a plain object from an Establishes message. Also converts values to other types if specified.
             * @param message Establishes
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.Establishes, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Establishes to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Establishes
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Establishes {

            /** Properties of an Establishes. */
            interface $Properties {

                /** Establishes knownAttributes */
                knownAttributes?: (boolean|null);

                /** Establishes failedAuthentication */
                failedAuthentication?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Establishes. */
            type $Shape = vigil.v1.Establishes.$Properties;
        }

        /**
         * Properties of an Actor.
         * @deprecated Use vigil.v1.Actor.$Properties instead.
         */
        interface IActor extends vigil.v1.Actor.$Properties {
        }

        /** Represents an Actor. */
        class Actor {

            /**
             * Constructs a new Actor.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.Actor.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Actor userId. */
            userId: string;

            /** Actor sessionId. */
            sessionId: string;

            /** Actor deviceId. */
            deviceId: string;

            /** Actor ip. */
            ip: string;

            /** Actor userAgent. */
            userAgent: string;

            /** Actor geo. */
            geo?: (vigil.v1.Geo.$Properties|null);

            /**
             * Creates a new Actor instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Actor instance
             */
            static create(properties: vigil.v1.Actor.$Shape): vigil.v1.Actor & vigil.v1.Actor.$Shape;
            static create(properties?: vigil.v1.Actor.$Properties): vigil.v1.Actor;

            /**
             * Encodes the specified Actor message. Does not implicitly {@link vigil.v1.Actor.verify|verify} messages.
             * @param message Actor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.Actor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Actor message, length delimited. Does not implicitly {@link vigil.v1.Actor.verify|verify} messages.
             * @param message Actor message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Actor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Actor message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.Actor & vigil.v1.Actor.$Shape} Actor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Actor & vigil.v1.Actor.$Shape;

            /**
             * Decodes an Actor message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Actor & vigil.v1.Actor.$Shape} Actor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Actor & vigil.v1.Actor.$Shape;

            /**
             * Verifies an Actor message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates an Actor message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Actor
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.Actor;

            /**
             * Creates a plain object from an Actor message. Also converts values to other types if specified.
             * @param message Actor
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.Actor, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Actor to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Actor
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Actor {

            /** Properties of an Actor. */
            interface $Properties {

                /** Actor userId */
                userId?: (string|null);

                /** Actor sessionId */
                sessionId?: (string|null);

                /** Actor deviceId */
                deviceId?: (string|null);

                /** Actor ip */
                ip?: (string|null);

                /** Actor userAgent */
                userAgent?: (string|null);

                /** Actor geo */
                geo?: (vigil.v1.Geo.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Actor. */
            type $Shape = vigil.v1.Actor.$Properties;
        }

        /**
         * Properties of a Geo.
         * @deprecated Use vigil.v1.Geo.$Properties instead.
         */
        interface IGeo extends vigil.v1.Geo.$Properties {
        }

        /** Represents a Geo. */
        class Geo {

            /**
             * Constructs a new Geo.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.Geo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Geo countryCode. */
            countryCode: string;

            /** Geo latitude. */
            latitude: number;

            /** Geo longitude. */
            longitude: number;

            /** Geo hasPosition. */
            hasPosition: boolean;

            /**
             * Creates a new Geo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Geo instance
             */
            static create(properties: vigil.v1.Geo.$Shape): vigil.v1.Geo & vigil.v1.Geo.$Shape;
            static create(properties?: vigil.v1.Geo.$Properties): vigil.v1.Geo;

            /**
             * Encodes the specified Geo message. Does not implicitly {@link vigil.v1.Geo.verify|verify} messages.
             * @param message Geo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.Geo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Geo message, length delimited. Does not implicitly {@link vigil.v1.Geo.verify|verify} messages.
             * @param message Geo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Geo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Geo message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.Geo & vigil.v1.Geo.$Shape} Geo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.Geo & vigil.v1.Geo.$Shape;

            /**
             * Decodes a Geo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Geo & vigil.v1.Geo.$Shape} Geo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Geo & vigil.v1.Geo.$Shape;

            /**
             * Verifies a Geo message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Geo message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Geo
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.Geo;

            /**
             * Creates a plain object from a Geo message. Also converts values to other types if specified.
             * @param message Geo
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.Geo, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Geo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Geo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Geo {

            /** Properties of a Geo. */
            interface $Properties {

                /** Geo countryCode */
                countryCode?: (string|null);

                /** Geo latitude */
                latitude?: (number|null);

                /** Geo longitude */
                longitude?: (number|null);

                /** Geo hasPosition */
                hasPosition?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Geo. */
            type $Shape = vigil.v1.Geo.$Properties;
        }

        /** Outcome enum. */
        enum Outcome {

            /** OUTCOME_UNSPECIFIED value */
            OUTCOME_UNSPECIFIED = 0,

            /** OUTCOME_SUCCESS value */
            OUTCOME_SUCCESS = 1,

            /** OUTCOME_FAILURE value */
            OUTCOME_FAILURE = 2,

            /** OUTCOME_DENIED value */
            OUTCOME_DENIED = 3
        }

        /** Represents an IngestService */
        class IngestService extends $protobuf.rpc.Service {

            /**
             * Constructs a new IngestService service.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             */
            constructor(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean);

            /**
             * Creates new IngestService service using the specified rpc implementation.
             * @param rpcImpl RPC implementation
             * @param [requestDelimited=false] Whether requests are length-delimited
             * @param [responseDelimited=false] Whether responses are length-delimited
             * @returns RPC service. Useful where requests and/or responses are streamed.
             */
            static create(rpcImpl: $protobuf.RPCImpl, requestDelimited?: boolean, responseDelimited?: boolean): IngestService;

            /** Calls Publish. */
            publish: vigil.v1.IngestService.Publish;

            /** Calls PublishBatch. */
            publishBatch: vigil.v1.IngestService.PublishBatch;
        }

        namespace IngestService {

            /**
             * Callback as used by {@link vigil.v1.IngestService#publish}.
             * @param error Error, if any
             * @param [response] PublishReceipt
             */
            type PublishCallback = (error: (Error|null), response?: vigil.v1.PublishReceipt) => void;

            /** Calls Publish. */
            type Publish = {
              (request: vigil.v1.IAccessEvent, callback: vigil.v1.IngestService.PublishCallback): void;
              (request: vigil.v1.IAccessEvent): Promise<vigil.v1.PublishReceipt>;
              readonly name: "Publish";
              readonly path: "/vigil.v1.IngestService/Publish";
              readonly requestType: "AccessEvent";
              readonly responseType: "PublishReceipt";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };

            /**
             * Callback as used by {@link vigil.v1.IngestService#publishBatch}.
             * @param error Error, if any
             * @param [response] PublishBatchResponse
             */
            type PublishBatchCallback = (error: (Error|null), response?: vigil.v1.PublishBatchResponse) => void;

            /** Calls PublishBatch. */
            type PublishBatch = {
              (request: vigil.v1.IPublishBatchRequest, callback: vigil.v1.IngestService.PublishBatchCallback): void;
              (request: vigil.v1.IPublishBatchRequest): Promise<vigil.v1.PublishBatchResponse>;
              readonly name: "PublishBatch";
              readonly path: "/vigil.v1.IngestService/PublishBatch";
              readonly requestType: "PublishBatchRequest";
              readonly responseType: "PublishBatchResponse";
              readonly requestStream: undefined;
              readonly responseStream: undefined;
            };
        }

        /**
         * Properties of a PublishBatchRequest.
         * @deprecated Use vigil.v1.PublishBatchRequest.$Properties instead.
         */
        interface IPublishBatchRequest extends vigil.v1.PublishBatchRequest.$Properties {
        }

        /** Represents a PublishBatchRequest. */
        class PublishBatchRequest {

            /**
             * Constructs a new PublishBatchRequest.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.PublishBatchRequest.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PublishBatchRequest events. */
            events: vigil.v1.AccessEvent.$Properties[];

            /**
             * Creates a new PublishBatchRequest instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PublishBatchRequest instance
             */
            static create(properties: vigil.v1.PublishBatchRequest.$Shape): vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape;
            static create(properties?: vigil.v1.PublishBatchRequest.$Properties): vigil.v1.PublishBatchRequest;

            /**
             * Encodes the specified PublishBatchRequest message. Does not implicitly {@link vigil.v1.PublishBatchRequest.verify|verify} messages.
             * @param message PublishBatchRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.PublishBatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PublishBatchRequest message, length delimited. Does not implicitly {@link vigil.v1.PublishBatchRequest.verify|verify} messages.
             * @param message PublishBatchRequest message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PublishBatchRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PublishBatchRequest message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape} PublishBatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape;

            /**
             * Decodes a PublishBatchRequest message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape} PublishBatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape;

            /**
             * Verifies a PublishBatchRequest message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PublishBatchRequest message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PublishBatchRequest
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.PublishBatchRequest;

            /**
             * Creates a plain object from a PublishBatchRequest message. Also converts values to other types if specified.
             * @param message PublishBatchRequest
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.PublishBatchRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PublishBatchRequest to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PublishBatchRequest
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PublishBatchRequest {

            /** Properties of a PublishBatchRequest. */
            interface $Properties {

                /** PublishBatchRequest events */
                events?: (vigil.v1.AccessEvent.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PublishBatchRequest. */
            type $Shape = vigil.v1.PublishBatchRequest.$Properties;
        }

        /**
         * Properties of a PublishBatchResponse.
         * @deprecated Use vigil.v1.PublishBatchResponse.$Properties instead.
         */
        interface IPublishBatchResponse extends vigil.v1.PublishBatchResponse.$Properties {
        }

        /** Represents a PublishBatchResponse. */
        class PublishBatchResponse {

            /**
             * Constructs a new PublishBatchResponse.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.PublishBatchResponse.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PublishBatchResponse receipts. */
            receipts: vigil.v1.PublishReceipt.$Properties[];

            /**
             * Creates a new PublishBatchResponse instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PublishBatchResponse instance
             */
            static create(properties: vigil.v1.PublishBatchResponse.$Shape): vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape;
            static create(properties?: vigil.v1.PublishBatchResponse.$Properties): vigil.v1.PublishBatchResponse;

            /**
             * Encodes the specified PublishBatchResponse message. Does not implicitly {@link vigil.v1.PublishBatchResponse.verify|verify} messages.
             * @param message PublishBatchResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.PublishBatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PublishBatchResponse message, length delimited. Does not implicitly {@link vigil.v1.PublishBatchResponse.verify|verify} messages.
             * @param message PublishBatchResponse message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PublishBatchResponse.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PublishBatchResponse message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape} PublishBatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape;

            /**
             * Decodes a PublishBatchResponse message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape} PublishBatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape;

            /**
             * Verifies a PublishBatchResponse message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PublishBatchResponse message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PublishBatchResponse
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.PublishBatchResponse;

            /**
             * Creates a plain object from a PublishBatchResponse message. Also converts values to other types if specified.
             * @param message PublishBatchResponse
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.PublishBatchResponse, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PublishBatchResponse to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PublishBatchResponse
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PublishBatchResponse {

            /** Properties of a PublishBatchResponse. */
            interface $Properties {

                /** PublishBatchResponse receipts */
                receipts?: (vigil.v1.PublishReceipt.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PublishBatchResponse. */
            type $Shape = vigil.v1.PublishBatchResponse.$Properties;
        }

        /**
         * Properties of a PublishReceipt.
         * @deprecated Use vigil.v1.PublishReceipt.$Properties instead.
         */
        interface IPublishReceipt extends vigil.v1.PublishReceipt.$Properties {
        }

        /** Represents a PublishReceipt. */
        class PublishReceipt {

            /**
             * Constructs a new PublishReceipt.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.PublishReceipt.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PublishReceipt eventId. */
            eventId: string;

            /** PublishReceipt topic. */
            topic: string;

            /** PublishReceipt partition. */
            partition: number;

            /** PublishReceipt offset. */
            offset: number;

            /** PublishReceipt duplicate. */
            duplicate: boolean;

            /**
             * Creates a new PublishReceipt instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PublishReceipt instance
             */
            static create(properties: vigil.v1.PublishReceipt.$Shape): vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape;
            static create(properties?: vigil.v1.PublishReceipt.$Properties): vigil.v1.PublishReceipt;

            /**
             * Encodes the specified PublishReceipt message. Does not implicitly {@link vigil.v1.PublishReceipt.verify|verify} messages.
             * @param message PublishReceipt message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.PublishReceipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PublishReceipt message, length delimited. Does not implicitly {@link vigil.v1.PublishReceipt.verify|verify} messages.
             * @param message PublishReceipt message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PublishReceipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PublishReceipt message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape} PublishReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape;

            /**
             * Decodes a PublishReceipt message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape} PublishReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape;

            /**
             * Verifies a PublishReceipt message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a PublishReceipt message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns PublishReceipt
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.PublishReceipt;

            /**
             * Creates a plain object from a PublishReceipt message. Also converts values to other types if specified.
             * @param message PublishReceipt
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.PublishReceipt, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PublishReceipt to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PublishReceipt
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PublishReceipt {

            /** Properties of a PublishReceipt. */
            interface $Properties {

                /** PublishReceipt eventId */
                eventId?: (string|null);

                /** PublishReceipt topic */
                topic?: (string|null);

                /** PublishReceipt partition */
                partition?: (number|null);

                /** PublishReceipt offset */
                offset?: (number|null);

                /** PublishReceipt duplicate */
                duplicate?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PublishReceipt. */
            type $Shape = vigil.v1.PublishReceipt.$Properties;
        }

        /**
         * Properties of a SealedRoot.
         * @deprecated Use vigil.v1.SealedRoot.$Properties instead.
         */
        interface ISealedRoot extends vigil.v1.SealedRoot.$Properties {
        }

        /** Represents a SealedRoot. */
        class SealedRoot {

            /**
             * Constructs a new SealedRoot.
             * @param [properties] Properties to set
             */
            constructor(properties?: vigil.v1.SealedRoot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SealedRoot version. */
            version: number;

            /** SealedRoot topic. */
            topic: string;

            /** SealedRoot partition. */
            partition: number;

            /** SealedRoot batchSequence. */
            batchSequence: number;

            /** SealedRoot firstOffset. */
            firstOffset: number;

            /** SealedRoot lastOffset. */
            lastOffset: number;

            /** SealedRoot leafCount. */
            leafCount: number;

            /** SealedRoot rootHash. */
            rootHash: Uint8Array;

            /** SealedRoot prevRootHash. */
            prevRootHash: Uint8Array;

            /** SealedRoot sealedAt. */
            sealedAt?: (google.protobuf.Timestamp.$Properties|null);

            /** SealedRoot keyId. */
            keyId: string;

            /** SealedRoot signature. */
            signature: Uint8Array;

            /** SealedRoot treeSize. */
            treeSize: number;

            /** SealedRoot treeRoot. */
            treeRoot: Uint8Array;

            /** SealedRoot treeFrontier. */
            treeFrontier: Uint8Array[];

            /** SealedRoot checkpoint. */
            checkpoint: string;

            /**
             * Creates a new SealedRoot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SealedRoot instance
             */
            static create(properties: vigil.v1.SealedRoot.$Shape): vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape;
            static create(properties?: vigil.v1.SealedRoot.$Properties): vigil.v1.SealedRoot;

            /**
             * Encodes the specified SealedRoot message. Does not implicitly {@link vigil.v1.SealedRoot.verify|verify} messages.
             * @param message SealedRoot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: vigil.v1.SealedRoot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SealedRoot message, length delimited. Does not implicitly {@link vigil.v1.SealedRoot.verify|verify} messages.
             * @param message SealedRoot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.SealedRoot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SealedRoot message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape} SealedRoot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape;

            /**
             * Decodes a SealedRoot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape} SealedRoot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape;

            /**
             * Verifies a SealedRoot message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a SealedRoot message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns SealedRoot
             */
            static fromObject(object: { [k: string]: any }): vigil.v1.SealedRoot;

            /**
             * Creates a plain object from a SealedRoot message. Also converts values to other types if specified.
             * @param message SealedRoot
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: vigil.v1.SealedRoot, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SealedRoot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SealedRoot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SealedRoot {

            /** Properties of a SealedRoot. */
            interface $Properties {

                /** SealedRoot version */
                version?: (number|null);

                /** SealedRoot topic */
                topic?: (string|null);

                /** SealedRoot partition */
                partition?: (number|null);

                /** SealedRoot batchSequence */
                batchSequence?: (number|null);

                /** SealedRoot firstOffset */
                firstOffset?: (number|null);

                /** SealedRoot lastOffset */
                lastOffset?: (number|null);

                /** SealedRoot leafCount */
                leafCount?: (number|null);

                /** SealedRoot rootHash */
                rootHash?: (Uint8Array|null);

                /** SealedRoot prevRootHash */
                prevRootHash?: (Uint8Array|null);

                /** SealedRoot sealedAt */
                sealedAt?: (google.protobuf.Timestamp.$Properties|null);

                /** SealedRoot keyId */
                keyId?: (string|null);

                /** SealedRoot signature */
                signature?: (Uint8Array|null);

                /** SealedRoot treeSize */
                treeSize?: (number|null);

                /** SealedRoot treeRoot */
                treeRoot?: (Uint8Array|null);

                /** SealedRoot treeFrontier */
                treeFrontier?: (Uint8Array[]|null);

                /** SealedRoot checkpoint */
                checkpoint?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SealedRoot. */
            type $Shape = vigil.v1.SealedRoot.$Properties;
        }
    }
}

/** Namespace google. */
export namespace google {

    /** Namespace protobuf. */
    namespace protobuf {

        /**
         * Properties of a Timestamp.
         * @deprecated Use google.protobuf.Timestamp.$Properties instead.
         */
        interface ITimestamp extends google.protobuf.Timestamp.$Properties {
        }

        /** Represents a Timestamp. */
        class Timestamp {

            /**
             * Constructs a new Timestamp.
             * @param [properties] Properties to set
             */
            constructor(properties?: google.protobuf.Timestamp.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Timestamp seconds. */
            seconds: number;

            /** Timestamp nanos. */
            nanos: number;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Timestamp instance
             */
            static create(properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
            static create(properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Timestamp message, length delimited. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @param message Timestamp message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: google.protobuf.Timestamp.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;

            /**
             * Decodes a Timestamp message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;

            /**
             * Verifies a Timestamp message.
             * @param message Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(message: { [k: string]: any }): (string|null);

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @param object Plain object
             * @returns Timestamp
             */
            static fromObject(object: { [k: string]: any }): google.protobuf.Timestamp;

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @param message Timestamp
             * @param [options] Conversion options
             * @returns Plain object
             */
            static toObject(message: google.protobuf.Timestamp, options?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Timestamp to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Timestamp
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Timestamp {

            /** Properties of a Timestamp. */
            interface $Properties {

                /** Timestamp seconds */
                seconds?: (number|null);

                /** Timestamp nanos */
                nanos?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Timestamp. */
            type $Shape = google.protobuf.Timestamp.$Properties;
        }
    }
}
