/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
"use strict";

var $protobuf = require("protobufjs/minimal");

// Common aliases
var $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
var $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Array = $util.global.Array, $Number = $util.global.Number, $isFinite = $util.global.isFinite, $Boolean = $util.global.Boolean, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt;

// Exported root namespace
var $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

$root.vigil = (function() {

    /**
     * Namespace vigil.
     * @exports vigil
     * @namespace
     */
    var vigil = {};

    vigil.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof vigil
         * @namespace
         */
        var v1 = {};

        v1.AuthorizationService = (function() {

            /**
             * Constructs a new AuthorizationService service.
             * @memberof vigil.v1
             * @classdesc Represents an AuthorizationService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            var AuthorizationService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(AuthorizationService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: AuthorizationService, writable: true, enumerable: false, configurable: true });

            /**
             * Creates new AuthorizationService service using the specified rpc implementation.
             * @function create
             * @memberof vigil.v1.AuthorizationService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {AuthorizationService} RPC service. Useful where requests and/or responses are streamed.
             */
            AuthorizationService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link vigil.v1.AuthorizationService#authorize}.
             * @memberof vigil.v1.AuthorizationService
             * @typedef AuthorizeCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.AuthorizeResponse} [response] AuthorizeResponse
             */

            /**
             * Calls Authorize.
             * @memberof vigil.v1.AuthorizationService
             * @typedef Authorize
             * @type {{
             *   (request: vigil.v1.IAuthorizeRequest, callback: vigil.v1.AuthorizationService.AuthorizeCallback): void;
             *   (request: vigil.v1.IAuthorizeRequest): Promise<vigil.v1.AuthorizeResponse>;
             *   readonly name: "Authorize";
             *   readonly path: "/vigil.v1.AuthorizationService/Authorize";
             *   readonly requestType: "AuthorizeRequest";
             *   readonly responseType: "AuthorizeResponse";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls Authorize.
             * @name vigil.v1.AuthorizationService#authorize
             * @type {vigil.v1.AuthorizationService.Authorize}
             */
            $Object.defineProperties(AuthorizationService.prototype.authorize = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, AuthorizationService.prototype.authorize, $root.vigil.v1.AuthorizeRequest, $root.vigil.v1.AuthorizeResponse, request, callback);
            }, {
                name: { value: "Authorize" },
                path: { value: "/vigil.v1.AuthorizationService/Authorize" },
                requestType: { value: "AuthorizeRequest" },
                responseType: { value: "AuthorizeResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return AuthorizationService;
        })();

        v1.AuthorizeRequest = (function() {

            /**
             * Properties of an AuthorizeRequest.
             * @typedef {Object} vigil.v1.AuthorizeRequest.$Properties
             * @property {string|null} [userId] AuthorizeRequest userId
             * @property {string|null} [action] AuthorizeRequest action
             * @property {string|null} [resource] AuthorizeRequest resource
             * @property {vigil.v1.RequestContext.$Properties|null} [context] AuthorizeRequest context
             * @property {string|null} [tenantId] AuthorizeRequest tenantId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthorizeRequest.
             * @memberof vigil.v1
             * @interface IAuthorizeRequest
             * @augments vigil.v1.AuthorizeRequest.$Properties
             * @deprecated Use vigil.v1.AuthorizeRequest.$Properties instead.
             */

            /**
             * Shape of an AuthorizeRequest.
             * @typedef {vigil.v1.AuthorizeRequest.$Properties} vigil.v1.AuthorizeRequest.$Shape
             */

            /**
             * Constructs a new AuthorizeRequest.
             * @memberof vigil.v1
             * @classdesc Represents an AuthorizeRequest.
             * @constructor
             * @param {vigil.v1.AuthorizeRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var AuthorizeRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AuthorizeRequest userId.
             * @member {string} userId
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             */
            AuthorizeRequest.prototype.userId = "";

            /**
             * AuthorizeRequest action.
             * @member {string} action
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             */
            AuthorizeRequest.prototype.action = "";

            /**
             * AuthorizeRequest resource.
             * @member {string} resource
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             */
            AuthorizeRequest.prototype.resource = "";

            /**
             * AuthorizeRequest context.
             * @member {vigil.v1.RequestContext.$Properties|null|undefined} context
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             */
            AuthorizeRequest.prototype.context = null;

            /**
             * AuthorizeRequest tenantId.
             * @member {string} tenantId
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             */
            AuthorizeRequest.prototype.tenantId = "";

            /**
             * Creates a new AuthorizeRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {vigil.v1.AuthorizeRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.AuthorizeRequest} AuthorizeRequest instance
             * @type {{
             *   (properties: vigil.v1.AuthorizeRequest.$Shape): vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape;
             *   (properties?: vigil.v1.AuthorizeRequest.$Properties): vigil.v1.AuthorizeRequest;
             * }}
             */
            AuthorizeRequest.create = function(properties) {
                return new AuthorizeRequest(properties);
            };

            /**
             * Encodes the specified AuthorizeRequest message. Does not implicitly {@link vigil.v1.AuthorizeRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {vigil.v1.AuthorizeRequest.$Properties} message AuthorizeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthorizeRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.action);
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource") && message.resource !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.resource);
                if (message.context != null && $Object.hasOwnProperty.call(message, "context"))
                    $root.vigil.v1.RequestContext.encode(message.context, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.tenantId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AuthorizeRequest message, length delimited. Does not implicitly {@link vigil.v1.AuthorizeRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {vigil.v1.AuthorizeRequest.$Properties} message AuthorizeRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthorizeRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AuthorizeRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape} AuthorizeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthorizeRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.AuthorizeRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resource = value;
                            else
                                delete message.resource;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.context = $root.vigil.v1.RequestContext.decode(reader, reader.size(), $undefined, _depth + 1, message.context);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tenantId = value;
                            else
                                delete message.tenantId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AuthorizeRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthorizeRequest & vigil.v1.AuthorizeRequest.$Shape} AuthorizeRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthorizeRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AuthorizeRequest message.
             * @function verify
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AuthorizeRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    if (!$util.isString(message.action))
                        return "action: string expected";
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource"))
                    if (!$util.isString(message.resource))
                        return "resource: string expected";
                if (message.context != null && $Object.hasOwnProperty.call(message, "context")) {
                    var error = $root.vigil.v1.RequestContext.verify(message.context, _depth + 1);
                    if (error)
                        return "context." + error;
                }
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                    if (!$util.isString(message.tenantId))
                        return "tenantId: string expected";
                return null;
            };

            /**
             * Creates an AuthorizeRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AuthorizeRequest} AuthorizeRequest
             */
            AuthorizeRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.AuthorizeRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.AuthorizeRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.AuthorizeRequest();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.action != null)
                    if (typeof object.action !== "string" || object.action.length)
                        message.action = $String(object.action);
                if (object.resource != null)
                    if (typeof object.resource !== "string" || object.resource.length)
                        message.resource = $String(object.resource);
                if (object.context != null) {
                    if (!$util.isObject(object.context))
                        throw $TypeError(".vigil.v1.AuthorizeRequest.context: object expected");
                    message.context = $root.vigil.v1.RequestContext.fromObject(object.context, _depth + 1);
                }
                if (object.tenantId != null)
                    if (typeof object.tenantId !== "string" || object.tenantId.length)
                        message.tenantId = $String(object.tenantId);
                return message;
            };

            /**
             * Creates a plain object from an AuthorizeRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {vigil.v1.AuthorizeRequest} message AuthorizeRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AuthorizeRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.action = "";
                    object.resource = "";
                    object.context = null;
                    object.tenantId = "";
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = message.action;
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource"))
                    object.resource = message.resource;
                if (message.context != null && $Object.hasOwnProperty.call(message, "context"))
                    object.context = $root.vigil.v1.RequestContext.toObject(message.context, options, _depth + 1);
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                    object.tenantId = message.tenantId;
                return object;
            };

            /**
             * Converts this AuthorizeRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.AuthorizeRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AuthorizeRequest.prototype.toJSON = function() {
                return AuthorizeRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AuthorizeRequest
             * @function getTypeUrl
             * @memberof vigil.v1.AuthorizeRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthorizeRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.AuthorizeRequest";
            };

            return AuthorizeRequest;
        })();

        v1.RequestContext = (function() {

            /**
             * Properties of a RequestContext.
             * @typedef {Object} vigil.v1.RequestContext.$Properties
             * @property {string|null} [ip] RequestContext ip
             * @property {string|null} [deviceId] RequestContext deviceId
             * @property {string|null} [sessionId] RequestContext sessionId
             * @property {vigil.v1.Geo.$Properties|null} [geo] RequestContext geo
             * @property {string|null} [userAgent] RequestContext userAgent
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RequestContext.
             * @memberof vigil.v1
             * @interface IRequestContext
             * @augments vigil.v1.RequestContext.$Properties
             * @deprecated Use vigil.v1.RequestContext.$Properties instead.
             */

            /**
             * Shape of a RequestContext.
             * @typedef {vigil.v1.RequestContext.$Properties} vigil.v1.RequestContext.$Shape
             */

            /**
             * Constructs a new RequestContext.
             * @memberof vigil.v1
             * @classdesc Represents a RequestContext.
             * @constructor
             * @param {vigil.v1.RequestContext.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RequestContext = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RequestContext ip.
             * @member {string} ip
             * @memberof vigil.v1.RequestContext
             * @instance
             */
            RequestContext.prototype.ip = "";

            /**
             * RequestContext deviceId.
             * @member {string} deviceId
             * @memberof vigil.v1.RequestContext
             * @instance
             */
            RequestContext.prototype.deviceId = "";

            /**
             * RequestContext sessionId.
             * @member {string} sessionId
             * @memberof vigil.v1.RequestContext
             * @instance
             */
            RequestContext.prototype.sessionId = "";

            /**
             * RequestContext geo.
             * @member {vigil.v1.Geo.$Properties|null|undefined} geo
             * @memberof vigil.v1.RequestContext
             * @instance
             */
            RequestContext.prototype.geo = null;

            /**
             * RequestContext userAgent.
             * @member {string} userAgent
             * @memberof vigil.v1.RequestContext
             * @instance
             */
            RequestContext.prototype.userAgent = "";

            /**
             * Creates a new RequestContext instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {vigil.v1.RequestContext.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RequestContext} RequestContext instance
             * @type {{
             *   (properties: vigil.v1.RequestContext.$Shape): vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape;
             *   (properties?: vigil.v1.RequestContext.$Properties): vigil.v1.RequestContext;
             * }}
             */
            RequestContext.create = function(properties) {
                return new RequestContext(properties);
            };

            /**
             * Encodes the specified RequestContext message. Does not implicitly {@link vigil.v1.RequestContext.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {vigil.v1.RequestContext.$Properties} message RequestContext message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequestContext.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.ip);
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.deviceId);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.sessionId);
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo"))
                    $root.vigil.v1.Geo.encode(message.geo, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent") && message.userAgent !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.userAgent);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RequestContext message, length delimited. Does not implicitly {@link vigil.v1.RequestContext.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {vigil.v1.RequestContext.$Properties} message RequestContext message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RequestContext.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RequestContext message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape} RequestContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequestContext.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.RequestContext();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.geo = $root.vigil.v1.Geo.decode(reader, reader.size(), $undefined, _depth + 1, message.geo);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userAgent = value;
                            else
                                delete message.userAgent;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RequestContext message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RequestContext & vigil.v1.RequestContext.$Shape} RequestContext
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RequestContext.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RequestContext message.
             * @function verify
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RequestContext.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    if (!$util.isString(message.ip))
                        return "ip: string expected";
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    if (!$util.isString(message.deviceId))
                        return "deviceId: string expected";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo")) {
                    var error = $root.vigil.v1.Geo.verify(message.geo, _depth + 1);
                    if (error)
                        return "geo." + error;
                }
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent"))
                    if (!$util.isString(message.userAgent))
                        return "userAgent: string expected";
                return null;
            };

            /**
             * Creates a RequestContext message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RequestContext} RequestContext
             */
            RequestContext.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.RequestContext)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.RequestContext: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.RequestContext();
                if (object.ip != null)
                    if (typeof object.ip !== "string" || object.ip.length)
                        message.ip = $String(object.ip);
                if (object.deviceId != null)
                    if (typeof object.deviceId !== "string" || object.deviceId.length)
                        message.deviceId = $String(object.deviceId);
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.geo != null) {
                    if (!$util.isObject(object.geo))
                        throw $TypeError(".vigil.v1.RequestContext.geo: object expected");
                    message.geo = $root.vigil.v1.Geo.fromObject(object.geo, _depth + 1);
                }
                if (object.userAgent != null)
                    if (typeof object.userAgent !== "string" || object.userAgent.length)
                        message.userAgent = $String(object.userAgent);
                return message;
            };

            /**
             * Creates a plain object from a RequestContext message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {vigil.v1.RequestContext} message RequestContext
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RequestContext.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.ip = "";
                    object.deviceId = "";
                    object.sessionId = "";
                    object.geo = null;
                    object.userAgent = "";
                }
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    object.ip = message.ip;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo"))
                    object.geo = $root.vigil.v1.Geo.toObject(message.geo, options, _depth + 1);
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent"))
                    object.userAgent = message.userAgent;
                return object;
            };

            /**
             * Converts this RequestContext to JSON.
             * @function toJSON
             * @memberof vigil.v1.RequestContext
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RequestContext.prototype.toJSON = function() {
                return RequestContext.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RequestContext
             * @function getTypeUrl
             * @memberof vigil.v1.RequestContext
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RequestContext.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RequestContext";
            };

            return RequestContext;
        })();

        /**
         * Decision enum.
         * @name vigil.v1.Decision
         * @enum {number}
         * @property {number} DECISION_UNSPECIFIED=0 DECISION_UNSPECIFIED value
         * @property {number} DECISION_ALLOW=1 DECISION_ALLOW value
         * @property {number} DECISION_STEP_UP=2 DECISION_STEP_UP value
         * @property {number} DECISION_DENY=3 DECISION_DENY value
         */
        v1.Decision = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DECISION_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DECISION_ALLOW"] = 1;
            values[valuesById[2] = "DECISION_STEP_UP"] = 2;
            values[valuesById[3] = "DECISION_DENY"] = 3;
            return values;
        })();

        v1.AuthorizeResponse = (function() {

            /**
             * Properties of an AuthorizeResponse.
             * @typedef {Object} vigil.v1.AuthorizeResponse.$Properties
             * @property {vigil.v1.Decision|null} [decision] AuthorizeResponse decision
             * @property {number|null} [riskScore] AuthorizeResponse riskScore
             * @property {Array.<string>|null} [reasons] AuthorizeResponse reasons
             * @property {string|null} [decisionId] AuthorizeResponse decisionId
             * @property {string|null} [policyVersion] AuthorizeResponse policyVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthorizeResponse.
             * @memberof vigil.v1
             * @interface IAuthorizeResponse
             * @augments vigil.v1.AuthorizeResponse.$Properties
             * @deprecated Use vigil.v1.AuthorizeResponse.$Properties instead.
             */

            /**
             * Shape of an AuthorizeResponse.
             * @typedef {vigil.v1.AuthorizeResponse.$Properties} vigil.v1.AuthorizeResponse.$Shape
             */

            /**
             * Constructs a new AuthorizeResponse.
             * @memberof vigil.v1
             * @classdesc Represents an AuthorizeResponse.
             * @constructor
             * @param {vigil.v1.AuthorizeResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var AuthorizeResponse = function (properties) {
                this.reasons = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AuthorizeResponse decision.
             * @member {vigil.v1.Decision} decision
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             */
            AuthorizeResponse.prototype.decision = 0;

            /**
             * AuthorizeResponse riskScore.
             * @member {number} riskScore
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             */
            AuthorizeResponse.prototype.riskScore = 0;

            /**
             * AuthorizeResponse reasons.
             * @member {Array.<string>} reasons
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             */
            AuthorizeResponse.prototype.reasons = $util.emptyArray;

            /**
             * AuthorizeResponse decisionId.
             * @member {string} decisionId
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             */
            AuthorizeResponse.prototype.decisionId = "";

            /**
             * AuthorizeResponse policyVersion.
             * @member {string} policyVersion
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             */
            AuthorizeResponse.prototype.policyVersion = "";

            /**
             * Creates a new AuthorizeResponse instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {vigil.v1.AuthorizeResponse.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.AuthorizeResponse} AuthorizeResponse instance
             * @type {{
             *   (properties: vigil.v1.AuthorizeResponse.$Shape): vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape;
             *   (properties?: vigil.v1.AuthorizeResponse.$Properties): vigil.v1.AuthorizeResponse;
             * }}
             */
            AuthorizeResponse.create = function(properties) {
                return new AuthorizeResponse(properties);
            };

            /**
             * Encodes the specified AuthorizeResponse message. Does not implicitly {@link vigil.v1.AuthorizeResponse.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {vigil.v1.AuthorizeResponse.$Properties} message AuthorizeResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthorizeResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision") && message.decision !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).int32(message.decision);
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore") && !$Object.is(message.riskScore, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.riskScore);
                if (message.reasons != null && message.reasons.length)
                    for (var i = 0; i < message.reasons.length; ++i)
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.reasons[i]);
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId") && message.decisionId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.decisionId);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.policyVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AuthorizeResponse message, length delimited. Does not implicitly {@link vigil.v1.AuthorizeResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {vigil.v1.AuthorizeResponse.$Properties} message AuthorizeResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthorizeResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AuthorizeResponse message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape} AuthorizeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthorizeResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.AuthorizeResponse();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.decision = value;
                            else
                                delete message.decision;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.riskScore = value;
                            else
                                delete message.riskScore;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.reasons && message.reasons.length))
                                message.reasons = [];
                            message.reasons.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.decisionId = value;
                            else
                                delete message.decisionId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AuthorizeResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthorizeResponse & vigil.v1.AuthorizeResponse.$Shape} AuthorizeResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthorizeResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AuthorizeResponse message.
             * @function verify
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AuthorizeResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision"))
                    if (typeof message.decision !== "number" || (message.decision | 0) !== message.decision)
                        return "decision: enum value expected";
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    if (typeof message.riskScore !== "number")
                        return "riskScore: number expected";
                if (message.reasons != null && $Object.hasOwnProperty.call(message, "reasons")) {
                    if (!$Array.isArray(message.reasons))
                        return "reasons: array expected";
                    for (var i = 0; i < message.reasons.length; ++i)
                        if (!$util.isString(message.reasons[i]))
                            return "reasons: string[] expected";
                }
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId"))
                    if (!$util.isString(message.decisionId))
                        return "decisionId: string expected";
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isString(message.policyVersion))
                        return "policyVersion: string expected";
                return null;
            };

            /**
             * Creates an AuthorizeResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AuthorizeResponse} AuthorizeResponse
             */
            AuthorizeResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.AuthorizeResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.AuthorizeResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.AuthorizeResponse();
                if (object.decision !== 0 && (typeof object.decision !== "string" || $root.vigil.v1.Decision[object.decision] !== 0))
                    switch (object.decision) {
                    case "DECISION_UNSPECIFIED":
                    case 0:
                        message.decision = 0;
                        break;
                    case "DECISION_ALLOW":
                    case 1:
                        message.decision = 1;
                        break;
                    case "DECISION_STEP_UP":
                    case 2:
                        message.decision = 2;
                        break;
                    case "DECISION_DENY":
                    case 3:
                        message.decision = 3;
                        break;
                    default:
                        if (typeof object.decision === "number" && (object.decision | 0) === object.decision)
                            message.decision = object.decision;
                    }
                if (object.riskScore != null)
                    if (!$Object.is($Number(object.riskScore), 0))
                        message.riskScore = $Number(object.riskScore);
                if (object.reasons) {
                    if (!$Array.isArray(object.reasons))
                        throw $TypeError(".vigil.v1.AuthorizeResponse.reasons: array expected");
                    message.reasons = $Array(object.reasons.length);
                    for (var i = 0; i < object.reasons.length; ++i)
                        message.reasons[i] = $String(object.reasons[i]);
                }
                if (object.decisionId != null)
                    if (typeof object.decisionId !== "string" || object.decisionId.length)
                        message.decisionId = $String(object.decisionId);
                if (object.policyVersion != null)
                    if (typeof object.policyVersion !== "string" || object.policyVersion.length)
                        message.policyVersion = $String(object.policyVersion);
                return message;
            };

            /**
             * Creates a plain object from an AuthorizeResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {vigil.v1.AuthorizeResponse} message AuthorizeResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AuthorizeResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.reasons = [];
                if (options.defaults) {
                    object.decision = options.enums === $String ? "DECISION_UNSPECIFIED" : 0;
                    object.riskScore = 0;
                    object.decisionId = "";
                    object.policyVersion = "";
                }
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision"))
                    object.decision = options.enums === $String ? $root.vigil.v1.Decision[message.decision] === $undefined ? message.decision : $root.vigil.v1.Decision[message.decision] : message.decision;
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    object.riskScore = options.json && !$isFinite(message.riskScore) ? $String(message.riskScore) : message.riskScore;
                if (message.reasons && message.reasons.length) {
                    object.reasons = $Array(message.reasons.length);
                    for (var j = 0; j < message.reasons.length; ++j)
                        object.reasons[j] = message.reasons[j];
                }
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId"))
                    object.decisionId = message.decisionId;
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                return object;
            };

            /**
             * Converts this AuthorizeResponse to JSON.
             * @function toJSON
             * @memberof vigil.v1.AuthorizeResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AuthorizeResponse.prototype.toJSON = function() {
                return AuthorizeResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AuthorizeResponse
             * @function getTypeUrl
             * @memberof vigil.v1.AuthorizeResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthorizeResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.AuthorizeResponse";
            };

            return AuthorizeResponse;
        })();

        v1.AuthzDecision = (function() {

            /**
             * Properties of an AuthzDecision.
             * @typedef {Object} vigil.v1.AuthzDecision.$Properties
             * @property {string|null} [decisionId] AuthzDecision decisionId
             * @property {google.protobuf.Timestamp.$Properties|null} [decidedAt] AuthzDecision decidedAt
             * @property {vigil.v1.AuthorizeRequest.$Properties|null} [request] AuthzDecision request
             * @property {vigil.v1.Decision|null} [decision] AuthzDecision decision
             * @property {number|null} [riskScore] AuthzDecision riskScore
             * @property {Array.<string>|null} [reasons] AuthzDecision reasons
             * @property {string|null} [policyVersion] AuthzDecision policyVersion
             * @property {string|null} [caller] AuthzDecision caller
             * @property {boolean|null} [degraded] AuthzDecision degraded
             * @property {vigil.v1.DecisionSource|null} [source] AuthzDecision source
             * @property {vigil.v1.ExtAuthzRequest.$Properties|null} [extAuthz] AuthzDecision extAuthz
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AuthzDecision.
             * @memberof vigil.v1
             * @interface IAuthzDecision
             * @augments vigil.v1.AuthzDecision.$Properties
             * @deprecated Use vigil.v1.AuthzDecision.$Properties instead.
             */

            /**
             * Shape of an AuthzDecision.
             * @typedef {vigil.v1.AuthzDecision.$Properties} vigil.v1.AuthzDecision.$Shape
             */

            /**
             * Constructs a new AuthzDecision.
             * @memberof vigil.v1
             * @classdesc Represents an AuthzDecision.
             * @constructor
             * @param {vigil.v1.AuthzDecision.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var AuthzDecision = function (properties) {
                this.reasons = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AuthzDecision decisionId.
             * @member {string} decisionId
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.decisionId = "";

            /**
             * AuthzDecision decidedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} decidedAt
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.decidedAt = null;

            /**
             * AuthzDecision request.
             * @member {vigil.v1.AuthorizeRequest.$Properties|null|undefined} request
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.request = null;

            /**
             * AuthzDecision decision.
             * @member {vigil.v1.Decision} decision
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.decision = 0;

            /**
             * AuthzDecision riskScore.
             * @member {number} riskScore
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.riskScore = 0;

            /**
             * AuthzDecision reasons.
             * @member {Array.<string>} reasons
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.reasons = $util.emptyArray;

            /**
             * AuthzDecision policyVersion.
             * @member {string} policyVersion
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.policyVersion = "";

            /**
             * AuthzDecision caller.
             * @member {string} caller
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.caller = "";

            /**
             * AuthzDecision degraded.
             * @member {boolean} degraded
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.degraded = false;

            /**
             * AuthzDecision source.
             * @member {vigil.v1.DecisionSource} source
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.source = 0;

            /**
             * AuthzDecision extAuthz.
             * @member {vigil.v1.ExtAuthzRequest.$Properties|null|undefined} extAuthz
             * @memberof vigil.v1.AuthzDecision
             * @instance
             */
            AuthzDecision.prototype.extAuthz = null;

            /**
             * Creates a new AuthzDecision instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {vigil.v1.AuthzDecision.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.AuthzDecision} AuthzDecision instance
             * @type {{
             *   (properties: vigil.v1.AuthzDecision.$Shape): vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape;
             *   (properties?: vigil.v1.AuthzDecision.$Properties): vigil.v1.AuthzDecision;
             * }}
             */
            AuthzDecision.create = function(properties) {
                return new AuthzDecision(properties);
            };

            /**
             * Encodes the specified AuthzDecision message. Does not implicitly {@link vigil.v1.AuthzDecision.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {vigil.v1.AuthzDecision.$Properties} message AuthzDecision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthzDecision.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId") && message.decisionId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.decisionId);
                if (message.decidedAt != null && $Object.hasOwnProperty.call(message, "decidedAt"))
                    $root.google.protobuf.Timestamp.encode(message.decidedAt, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                    $root.vigil.v1.AuthorizeRequest.encode(message.request, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision") && message.decision !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).int32(message.decision);
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore") && !$Object.is(message.riskScore, 0))
                    writer.uint32(/* id 5, wireType 1 =*/41).double(message.riskScore);
                if (message.reasons != null && message.reasons.length)
                    for (var i = 0; i < message.reasons.length; ++i)
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.reasons[i]);
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion") && message.policyVersion !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.policyVersion);
                if (message.caller != null && $Object.hasOwnProperty.call(message, "caller") && message.caller !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.caller);
                if (message.degraded != null && $Object.hasOwnProperty.call(message, "degraded") && message.degraded !== false)
                    writer.uint32(/* id 9, wireType 0 =*/72).bool(message.degraded);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== 0)
                    writer.uint32(/* id 10, wireType 0 =*/80).int32(message.source);
                if (message.extAuthz != null && $Object.hasOwnProperty.call(message, "extAuthz"))
                    $root.vigil.v1.ExtAuthzRequest.encode(message.extAuthz, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AuthzDecision message, length delimited. Does not implicitly {@link vigil.v1.AuthzDecision.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {vigil.v1.AuthzDecision.$Properties} message AuthzDecision message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AuthzDecision.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AuthzDecision message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape} AuthzDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthzDecision.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.AuthzDecision();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.decisionId = value;
                            else
                                delete message.decisionId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.decidedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.decidedAt);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.request = $root.vigil.v1.AuthorizeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.request);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.decision = value;
                            else
                                delete message.decision;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.riskScore = value;
                            else
                                delete message.riskScore;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.reasons && message.reasons.length))
                                message.reasons = [];
                            message.reasons.push(reader.stringVerify());
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policyVersion = value;
                            else
                                delete message.policyVersion;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.caller = value;
                            else
                                delete message.caller;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.degraded = value;
                            else
                                delete message.degraded;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.extAuthz = $root.vigil.v1.ExtAuthzRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.extAuthz);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AuthzDecision message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.AuthzDecision & vigil.v1.AuthzDecision.$Shape} AuthzDecision
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AuthzDecision.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AuthzDecision message.
             * @function verify
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AuthzDecision.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId"))
                    if (!$util.isString(message.decisionId))
                        return "decisionId: string expected";
                if (message.decidedAt != null && $Object.hasOwnProperty.call(message, "decidedAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.decidedAt, _depth + 1);
                    if (error)
                        return "decidedAt." + error;
                }
                if (message.request != null && $Object.hasOwnProperty.call(message, "request")) {
                    var error = $root.vigil.v1.AuthorizeRequest.verify(message.request, _depth + 1);
                    if (error)
                        return "request." + error;
                }
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision"))
                    if (typeof message.decision !== "number" || (message.decision | 0) !== message.decision)
                        return "decision: enum value expected";
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    if (typeof message.riskScore !== "number")
                        return "riskScore: number expected";
                if (message.reasons != null && $Object.hasOwnProperty.call(message, "reasons")) {
                    if (!$Array.isArray(message.reasons))
                        return "reasons: array expected";
                    for (var i = 0; i < message.reasons.length; ++i)
                        if (!$util.isString(message.reasons[i]))
                            return "reasons: string[] expected";
                }
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    if (!$util.isString(message.policyVersion))
                        return "policyVersion: string expected";
                if (message.caller != null && $Object.hasOwnProperty.call(message, "caller"))
                    if (!$util.isString(message.caller))
                        return "caller: string expected";
                if (message.degraded != null && $Object.hasOwnProperty.call(message, "degraded"))
                    if (typeof message.degraded !== "boolean")
                        return "degraded: boolean expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (typeof message.source !== "number" || (message.source | 0) !== message.source)
                        return "source: enum value expected";
                if (message.extAuthz != null && $Object.hasOwnProperty.call(message, "extAuthz")) {
                    var error = $root.vigil.v1.ExtAuthzRequest.verify(message.extAuthz, _depth + 1);
                    if (error)
                        return "extAuthz." + error;
                }
                return null;
            };

            /**
             * Creates an AuthzDecision message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AuthzDecision} AuthzDecision
             */
            AuthzDecision.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.AuthzDecision)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.AuthzDecision: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.AuthzDecision();
                if (object.decisionId != null)
                    if (typeof object.decisionId !== "string" || object.decisionId.length)
                        message.decisionId = $String(object.decisionId);
                if (object.decidedAt != null) {
                    if (!$util.isObject(object.decidedAt))
                        throw $TypeError(".vigil.v1.AuthzDecision.decidedAt: object expected");
                    message.decidedAt = $root.google.protobuf.Timestamp.fromObject(object.decidedAt, _depth + 1);
                }
                if (object.request != null) {
                    if (!$util.isObject(object.request))
                        throw $TypeError(".vigil.v1.AuthzDecision.request: object expected");
                    message.request = $root.vigil.v1.AuthorizeRequest.fromObject(object.request, _depth + 1);
                }
                if (object.decision !== 0 && (typeof object.decision !== "string" || $root.vigil.v1.Decision[object.decision] !== 0))
                    switch (object.decision) {
                    case "DECISION_UNSPECIFIED":
                    case 0:
                        message.decision = 0;
                        break;
                    case "DECISION_ALLOW":
                    case 1:
                        message.decision = 1;
                        break;
                    case "DECISION_STEP_UP":
                    case 2:
                        message.decision = 2;
                        break;
                    case "DECISION_DENY":
                    case 3:
                        message.decision = 3;
                        break;
                    default:
                        if (typeof object.decision === "number" && (object.decision | 0) === object.decision)
                            message.decision = object.decision;
                    }
                if (object.riskScore != null)
                    if (!$Object.is($Number(object.riskScore), 0))
                        message.riskScore = $Number(object.riskScore);
                if (object.reasons) {
                    if (!$Array.isArray(object.reasons))
                        throw $TypeError(".vigil.v1.AuthzDecision.reasons: array expected");
                    message.reasons = $Array(object.reasons.length);
                    for (var i = 0; i < object.reasons.length; ++i)
                        message.reasons[i] = $String(object.reasons[i]);
                }
                if (object.policyVersion != null)
                    if (typeof object.policyVersion !== "string" || object.policyVersion.length)
                        message.policyVersion = $String(object.policyVersion);
                if (object.caller != null)
                    if (typeof object.caller !== "string" || object.caller.length)
                        message.caller = $String(object.caller);
                if (object.degraded != null)
                    if (object.degraded)
                        message.degraded = $Boolean(object.degraded);
                if (object.source !== 0 && (typeof object.source !== "string" || $root.vigil.v1.DecisionSource[object.source] !== 0))
                    switch (object.source) {
                    case "DECISION_SOURCE_UNSPECIFIED":
                    case 0:
                        message.source = 0;
                        break;
                    case "DECISION_SOURCE_AUTHORIZE":
                    case 1:
                        message.source = 1;
                        break;
                    case "DECISION_SOURCE_EXT_AUTHZ":
                    case 2:
                        message.source = 2;
                        break;
                    default:
                        if (typeof object.source === "number" && (object.source | 0) === object.source)
                            message.source = object.source;
                    }
                if (object.extAuthz != null) {
                    if (!$util.isObject(object.extAuthz))
                        throw $TypeError(".vigil.v1.AuthzDecision.extAuthz: object expected");
                    message.extAuthz = $root.vigil.v1.ExtAuthzRequest.fromObject(object.extAuthz, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AuthzDecision message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {vigil.v1.AuthzDecision} message AuthzDecision
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AuthzDecision.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.reasons = [];
                if (options.defaults) {
                    object.decisionId = "";
                    object.decidedAt = null;
                    object.request = null;
                    object.decision = options.enums === $String ? "DECISION_UNSPECIFIED" : 0;
                    object.riskScore = 0;
                    object.policyVersion = "";
                    object.caller = "";
                    object.degraded = false;
                    object.source = options.enums === $String ? "DECISION_SOURCE_UNSPECIFIED" : 0;
                    object.extAuthz = null;
                }
                if (message.decisionId != null && $Object.hasOwnProperty.call(message, "decisionId"))
                    object.decisionId = message.decisionId;
                if (message.decidedAt != null && $Object.hasOwnProperty.call(message, "decidedAt"))
                    object.decidedAt = $root.google.protobuf.Timestamp.toObject(message.decidedAt, options, _depth + 1);
                if (message.request != null && $Object.hasOwnProperty.call(message, "request"))
                    object.request = $root.vigil.v1.AuthorizeRequest.toObject(message.request, options, _depth + 1);
                if (message.decision != null && $Object.hasOwnProperty.call(message, "decision"))
                    object.decision = options.enums === $String ? $root.vigil.v1.Decision[message.decision] === $undefined ? message.decision : $root.vigil.v1.Decision[message.decision] : message.decision;
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    object.riskScore = options.json && !$isFinite(message.riskScore) ? $String(message.riskScore) : message.riskScore;
                if (message.reasons && message.reasons.length) {
                    object.reasons = $Array(message.reasons.length);
                    for (var j = 0; j < message.reasons.length; ++j)
                        object.reasons[j] = message.reasons[j];
                }
                if (message.policyVersion != null && $Object.hasOwnProperty.call(message, "policyVersion"))
                    object.policyVersion = message.policyVersion;
                if (message.caller != null && $Object.hasOwnProperty.call(message, "caller"))
                    object.caller = message.caller;
                if (message.degraded != null && $Object.hasOwnProperty.call(message, "degraded"))
                    object.degraded = message.degraded;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = options.enums === $String ? $root.vigil.v1.DecisionSource[message.source] === $undefined ? message.source : $root.vigil.v1.DecisionSource[message.source] : message.source;
                if (message.extAuthz != null && $Object.hasOwnProperty.call(message, "extAuthz"))
                    object.extAuthz = $root.vigil.v1.ExtAuthzRequest.toObject(message.extAuthz, options, _depth + 1);
                return object;
            };

            /**
             * Converts this AuthzDecision to JSON.
             * @function toJSON
             * @memberof vigil.v1.AuthzDecision
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AuthzDecision.prototype.toJSON = function() {
                return AuthzDecision.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AuthzDecision
             * @function getTypeUrl
             * @memberof vigil.v1.AuthzDecision
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AuthzDecision.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.AuthzDecision";
            };

            return AuthzDecision;
        })();

        /**
         * DecisionSource enum.
         * @name vigil.v1.DecisionSource
         * @enum {number}
         * @property {number} DECISION_SOURCE_UNSPECIFIED=0 DECISION_SOURCE_UNSPECIFIED value
         * @property {number} DECISION_SOURCE_AUTHORIZE=1 DECISION_SOURCE_AUTHORIZE value
         * @property {number} DECISION_SOURCE_EXT_AUTHZ=2 DECISION_SOURCE_EXT_AUTHZ value
         */
        v1.DecisionSource = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "DECISION_SOURCE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "DECISION_SOURCE_AUTHORIZE"] = 1;
            values[valuesById[2] = "DECISION_SOURCE_EXT_AUTHZ"] = 2;
            return values;
        })();

        v1.ExtAuthzRequest = (function() {

            /**
             * Properties of an ExtAuthzRequest.
             * @typedef {Object} vigil.v1.ExtAuthzRequest.$Properties
             * @property {string|null} [requestId] ExtAuthzRequest requestId
             * @property {string|null} [method] ExtAuthzRequest method
             * @property {string|null} [host] ExtAuthzRequest host
             * @property {string|null} [path] ExtAuthzRequest path
             * @property {string|null} [route] ExtAuthzRequest route
             * @property {string|null} [sensitivity] ExtAuthzRequest sensitivity
             * @property {string|null} [userSource] ExtAuthzRequest userSource
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an ExtAuthzRequest.
             * @memberof vigil.v1
             * @interface IExtAuthzRequest
             * @augments vigil.v1.ExtAuthzRequest.$Properties
             * @deprecated Use vigil.v1.ExtAuthzRequest.$Properties instead.
             */

            /**
             * Shape of an ExtAuthzRequest.
             * @typedef {vigil.v1.ExtAuthzRequest.$Properties} vigil.v1.ExtAuthzRequest.$Shape
             */

            /**
             * Constructs a new ExtAuthzRequest.
             * @memberof vigil.v1
             * @classdesc Represents an ExtAuthzRequest.
             * @constructor
             * @param {vigil.v1.ExtAuthzRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ExtAuthzRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ExtAuthzRequest requestId.
             * @member {string} requestId
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.requestId = "";

            /**
             * ExtAuthzRequest method.
             * @member {string} method
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.method = "";

            /**
             * ExtAuthzRequest host.
             * @member {string} host
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.host = "";

            /**
             * ExtAuthzRequest path.
             * @member {string} path
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.path = "";

            /**
             * ExtAuthzRequest route.
             * @member {string} route
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.route = "";

            /**
             * ExtAuthzRequest sensitivity.
             * @member {string} sensitivity
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.sensitivity = "";

            /**
             * ExtAuthzRequest userSource.
             * @member {string} userSource
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             */
            ExtAuthzRequest.prototype.userSource = "";

            /**
             * Creates a new ExtAuthzRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {vigil.v1.ExtAuthzRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.ExtAuthzRequest} ExtAuthzRequest instance
             * @type {{
             *   (properties: vigil.v1.ExtAuthzRequest.$Shape): vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape;
             *   (properties?: vigil.v1.ExtAuthzRequest.$Properties): vigil.v1.ExtAuthzRequest;
             * }}
             */
            ExtAuthzRequest.create = function(properties) {
                return new ExtAuthzRequest(properties);
            };

            /**
             * Encodes the specified ExtAuthzRequest message. Does not implicitly {@link vigil.v1.ExtAuthzRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {vigil.v1.ExtAuthzRequest.$Properties} message ExtAuthzRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExtAuthzRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && message.requestId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.requestId);
                if (message.method != null && $Object.hasOwnProperty.call(message, "method") && message.method !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.method);
                if (message.host != null && $Object.hasOwnProperty.call(message, "host") && message.host !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.host);
                if (message.path != null && $Object.hasOwnProperty.call(message, "path") && message.path !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.path);
                if (message.route != null && $Object.hasOwnProperty.call(message, "route") && message.route !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.route);
                if (message.sensitivity != null && $Object.hasOwnProperty.call(message, "sensitivity") && message.sensitivity !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.sensitivity);
                if (message.userSource != null && $Object.hasOwnProperty.call(message, "userSource") && message.userSource !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.userSource);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ExtAuthzRequest message, length delimited. Does not implicitly {@link vigil.v1.ExtAuthzRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {vigil.v1.ExtAuthzRequest.$Properties} message ExtAuthzRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ExtAuthzRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an ExtAuthzRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape} ExtAuthzRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExtAuthzRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.ExtAuthzRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.method = value;
                            else
                                delete message.method;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.host = value;
                            else
                                delete message.host;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.path = value;
                            else
                                delete message.path;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.route = value;
                            else
                                delete message.route;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sensitivity = value;
                            else
                                delete message.sensitivity;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userSource = value;
                            else
                                delete message.userSource;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an ExtAuthzRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.ExtAuthzRequest & vigil.v1.ExtAuthzRequest.$Shape} ExtAuthzRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ExtAuthzRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an ExtAuthzRequest message.
             * @function verify
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ExtAuthzRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (!$util.isString(message.requestId))
                        return "requestId: string expected";
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    if (!$util.isString(message.method))
                        return "method: string expected";
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    if (!$util.isString(message.host))
                        return "host: string expected";
                if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                    if (!$util.isString(message.path))
                        return "path: string expected";
                if (message.route != null && $Object.hasOwnProperty.call(message, "route"))
                    if (!$util.isString(message.route))
                        return "route: string expected";
                if (message.sensitivity != null && $Object.hasOwnProperty.call(message, "sensitivity"))
                    if (!$util.isString(message.sensitivity))
                        return "sensitivity: string expected";
                if (message.userSource != null && $Object.hasOwnProperty.call(message, "userSource"))
                    if (!$util.isString(message.userSource))
                        return "userSource: string expected";
                return null;
            };

            /**
             * Creates an ExtAuthzRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.ExtAuthzRequest} ExtAuthzRequest
             */
            ExtAuthzRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.ExtAuthzRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.ExtAuthzRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.ExtAuthzRequest();
                if (object.requestId != null)
                    if (typeof object.requestId !== "string" || object.requestId.length)
                        message.requestId = $String(object.requestId);
                if (object.method != null)
                    if (typeof object.method !== "string" || object.method.length)
                        message.method = $String(object.method);
                if (object.host != null)
                    if (typeof object.host !== "string" || object.host.length)
                        message.host = $String(object.host);
                if (object.path != null)
                    if (typeof object.path !== "string" || object.path.length)
                        message.path = $String(object.path);
                if (object.route != null)
                    if (typeof object.route !== "string" || object.route.length)
                        message.route = $String(object.route);
                if (object.sensitivity != null)
                    if (typeof object.sensitivity !== "string" || object.sensitivity.length)
                        message.sensitivity = $String(object.sensitivity);
                if (object.userSource != null)
                    if (typeof object.userSource !== "string" || object.userSource.length)
                        message.userSource = $String(object.userSource);
                return message;
            };

            /**
             * Creates a plain object from an ExtAuthzRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {vigil.v1.ExtAuthzRequest} message ExtAuthzRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ExtAuthzRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.requestId = "";
                    object.method = "";
                    object.host = "";
                    object.path = "";
                    object.route = "";
                    object.sensitivity = "";
                    object.userSource = "";
                }
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    object.requestId = message.requestId;
                if (message.method != null && $Object.hasOwnProperty.call(message, "method"))
                    object.method = message.method;
                if (message.host != null && $Object.hasOwnProperty.call(message, "host"))
                    object.host = message.host;
                if (message.path != null && $Object.hasOwnProperty.call(message, "path"))
                    object.path = message.path;
                if (message.route != null && $Object.hasOwnProperty.call(message, "route"))
                    object.route = message.route;
                if (message.sensitivity != null && $Object.hasOwnProperty.call(message, "sensitivity"))
                    object.sensitivity = message.sensitivity;
                if (message.userSource != null && $Object.hasOwnProperty.call(message, "userSource"))
                    object.userSource = message.userSource;
                return object;
            };

            /**
             * Converts this ExtAuthzRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.ExtAuthzRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ExtAuthzRequest.prototype.toJSON = function() {
                return ExtAuthzRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ExtAuthzRequest
             * @function getTypeUrl
             * @memberof vigil.v1.ExtAuthzRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ExtAuthzRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.ExtAuthzRequest";
            };

            return ExtAuthzRequest;
        })();

        v1.RiskAdminService = (function() {

            /**
             * Constructs a new RiskAdminService service.
             * @memberof vigil.v1
             * @classdesc Represents a RiskAdminService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            var RiskAdminService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(RiskAdminService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: RiskAdminService, writable: true, enumerable: false, configurable: true });

            /**
             * Creates new RiskAdminService service using the specified rpc implementation.
             * @function create
             * @memberof vigil.v1.RiskAdminService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {RiskAdminService} RPC service. Useful where requests and/or responses are streamed.
             */
            RiskAdminService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#getRiskProfile}.
             * @memberof vigil.v1.RiskAdminService
             * @typedef GetRiskProfileCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.RiskProfile} [response] RiskProfile
             */

            /**
             * Calls GetRiskProfile.
             * @memberof vigil.v1.RiskAdminService
             * @typedef GetRiskProfile
             * @type {{
             *   (request: vigil.v1.IGetRiskProfileRequest, callback: vigil.v1.RiskAdminService.GetRiskProfileCallback): void;
             *   (request: vigil.v1.IGetRiskProfileRequest): Promise<vigil.v1.RiskProfile>;
             *   readonly name: "GetRiskProfile";
             *   readonly path: "/vigil.v1.RiskAdminService/GetRiskProfile";
             *   readonly requestType: "GetRiskProfileRequest";
             *   readonly responseType: "RiskProfile";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls GetRiskProfile.
             * @name vigil.v1.RiskAdminService#getRiskProfile
             * @type {vigil.v1.RiskAdminService.GetRiskProfile}
             */
            $Object.defineProperties(RiskAdminService.prototype.getRiskProfile = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, RiskAdminService.prototype.getRiskProfile, $root.vigil.v1.GetRiskProfileRequest, $root.vigil.v1.RiskProfile, request, callback);
            }, {
                name: { value: "GetRiskProfile" },
                path: { value: "/vigil.v1.RiskAdminService/GetRiskProfile" },
                requestType: { value: "GetRiskProfileRequest" },
                responseType: { value: "RiskProfile" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#clearRestriction}.
             * @memberof vigil.v1.RiskAdminService
             * @typedef ClearRestrictionCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.ClearRestrictionResponse} [response] ClearRestrictionResponse
             */

            /**
             * Calls ClearRestriction.
             * @memberof vigil.v1.RiskAdminService
             * @typedef ClearRestriction
             * @type {{
             *   (request: vigil.v1.IClearRestrictionRequest, callback: vigil.v1.RiskAdminService.ClearRestrictionCallback): void;
             *   (request: vigil.v1.IClearRestrictionRequest): Promise<vigil.v1.ClearRestrictionResponse>;
             *   readonly name: "ClearRestriction";
             *   readonly path: "/vigil.v1.RiskAdminService/ClearRestriction";
             *   readonly requestType: "ClearRestrictionRequest";
             *   readonly responseType: "ClearRestrictionResponse";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls ClearRestriction.
             * @name vigil.v1.RiskAdminService#clearRestriction
             * @type {vigil.v1.RiskAdminService.ClearRestriction}
             */
            $Object.defineProperties(RiskAdminService.prototype.clearRestriction = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, RiskAdminService.prototype.clearRestriction, $root.vigil.v1.ClearRestrictionRequest, $root.vigil.v1.ClearRestrictionResponse, request, callback);
            }, {
                name: { value: "ClearRestriction" },
                path: { value: "/vigil.v1.RiskAdminService/ClearRestriction" },
                requestType: { value: "ClearRestrictionRequest" },
                responseType: { value: "ClearRestrictionResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            /**
             * Callback as used by {@link vigil.v1.RiskAdminService#restrictUser}.
             * @memberof vigil.v1.RiskAdminService
             * @typedef RestrictUserCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.RestrictUserResponse} [response] RestrictUserResponse
             */

            /**
             * Calls RestrictUser.
             * @memberof vigil.v1.RiskAdminService
             * @typedef RestrictUser
             * @type {{
             *   (request: vigil.v1.IRestrictUserRequest, callback: vigil.v1.RiskAdminService.RestrictUserCallback): void;
             *   (request: vigil.v1.IRestrictUserRequest): Promise<vigil.v1.RestrictUserResponse>;
             *   readonly name: "RestrictUser";
             *   readonly path: "/vigil.v1.RiskAdminService/RestrictUser";
             *   readonly requestType: "RestrictUserRequest";
             *   readonly responseType: "RestrictUserResponse";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls RestrictUser.
             * @name vigil.v1.RiskAdminService#restrictUser
             * @type {vigil.v1.RiskAdminService.RestrictUser}
             */
            $Object.defineProperties(RiskAdminService.prototype.restrictUser = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, RiskAdminService.prototype.restrictUser, $root.vigil.v1.RestrictUserRequest, $root.vigil.v1.RestrictUserResponse, request, callback);
            }, {
                name: { value: "RestrictUser" },
                path: { value: "/vigil.v1.RiskAdminService/RestrictUser" },
                requestType: { value: "RestrictUserRequest" },
                responseType: { value: "RestrictUserResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return RiskAdminService;
        })();

        v1.GetRiskProfileRequest = (function() {

            /**
             * Properties of a GetRiskProfileRequest.
             * @typedef {Object} vigil.v1.GetRiskProfileRequest.$Properties
             * @property {string|null} [userId] GetRiskProfileRequest userId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a GetRiskProfileRequest.
             * @memberof vigil.v1
             * @interface IGetRiskProfileRequest
             * @augments vigil.v1.GetRiskProfileRequest.$Properties
             * @deprecated Use vigil.v1.GetRiskProfileRequest.$Properties instead.
             */

            /**
             * Shape of a GetRiskProfileRequest.
             * @typedef {vigil.v1.GetRiskProfileRequest.$Properties} vigil.v1.GetRiskProfileRequest.$Shape
             */

            /**
             * Constructs a new GetRiskProfileRequest.
             * @memberof vigil.v1
             * @classdesc Represents a GetRiskProfileRequest.
             * @constructor
             * @param {vigil.v1.GetRiskProfileRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var GetRiskProfileRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * GetRiskProfileRequest userId.
             * @member {string} userId
             * @memberof vigil.v1.GetRiskProfileRequest
             * @instance
             */
            GetRiskProfileRequest.prototype.userId = "";

            /**
             * Creates a new GetRiskProfileRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {vigil.v1.GetRiskProfileRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.GetRiskProfileRequest} GetRiskProfileRequest instance
             * @type {{
             *   (properties: vigil.v1.GetRiskProfileRequest.$Shape): vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape;
             *   (properties?: vigil.v1.GetRiskProfileRequest.$Properties): vigil.v1.GetRiskProfileRequest;
             * }}
             */
            GetRiskProfileRequest.create = function(properties) {
                return new GetRiskProfileRequest(properties);
            };

            /**
             * Encodes the specified GetRiskProfileRequest message. Does not implicitly {@link vigil.v1.GetRiskProfileRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {vigil.v1.GetRiskProfileRequest.$Properties} message GetRiskProfileRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetRiskProfileRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified GetRiskProfileRequest message, length delimited. Does not implicitly {@link vigil.v1.GetRiskProfileRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {vigil.v1.GetRiskProfileRequest.$Properties} message GetRiskProfileRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            GetRiskProfileRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a GetRiskProfileRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape} GetRiskProfileRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetRiskProfileRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.GetRiskProfileRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a GetRiskProfileRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.GetRiskProfileRequest & vigil.v1.GetRiskProfileRequest.$Shape} GetRiskProfileRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            GetRiskProfileRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a GetRiskProfileRequest message.
             * @function verify
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            GetRiskProfileRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                return null;
            };

            /**
             * Creates a GetRiskProfileRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.GetRiskProfileRequest} GetRiskProfileRequest
             */
            GetRiskProfileRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.GetRiskProfileRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.GetRiskProfileRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.GetRiskProfileRequest();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                return message;
            };

            /**
             * Creates a plain object from a GetRiskProfileRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {vigil.v1.GetRiskProfileRequest} message GetRiskProfileRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            GetRiskProfileRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                return object;
            };

            /**
             * Converts this GetRiskProfileRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.GetRiskProfileRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            GetRiskProfileRequest.prototype.toJSON = function() {
                return GetRiskProfileRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for GetRiskProfileRequest
             * @function getTypeUrl
             * @memberof vigil.v1.GetRiskProfileRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            GetRiskProfileRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.GetRiskProfileRequest";
            };

            return GetRiskProfileRequest;
        })();

        v1.RiskReason = (function() {

            /**
             * Properties of a RiskReason.
             * @typedef {Object} vigil.v1.RiskReason.$Properties
             * @property {string|null} [code] RiskReason code
             * @property {number|null} [weight] RiskReason weight
             * @property {google.protobuf.Timestamp.$Properties|null} [raisedAt] RiskReason raisedAt
             * @property {google.protobuf.Timestamp.$Properties|null} [expiresAt] RiskReason expiresAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RiskReason.
             * @memberof vigil.v1
             * @interface IRiskReason
             * @augments vigil.v1.RiskReason.$Properties
             * @deprecated Use vigil.v1.RiskReason.$Properties instead.
             */

            /**
             * Shape of a RiskReason.
             * @typedef {vigil.v1.RiskReason.$Properties} vigil.v1.RiskReason.$Shape
             */

            /**
             * Constructs a new RiskReason.
             * @memberof vigil.v1
             * @classdesc Represents a RiskReason.
             * @constructor
             * @param {vigil.v1.RiskReason.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RiskReason = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RiskReason code.
             * @member {string} code
             * @memberof vigil.v1.RiskReason
             * @instance
             */
            RiskReason.prototype.code = "";

            /**
             * RiskReason weight.
             * @member {number} weight
             * @memberof vigil.v1.RiskReason
             * @instance
             */
            RiskReason.prototype.weight = 0;

            /**
             * RiskReason raisedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} raisedAt
             * @memberof vigil.v1.RiskReason
             * @instance
             */
            RiskReason.prototype.raisedAt = null;

            /**
             * RiskReason expiresAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} expiresAt
             * @memberof vigil.v1.RiskReason
             * @instance
             */
            RiskReason.prototype.expiresAt = null;

            /**
             * Creates a new RiskReason instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {vigil.v1.RiskReason.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RiskReason} RiskReason instance
             * @type {{
             *   (properties: vigil.v1.RiskReason.$Shape): vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape;
             *   (properties?: vigil.v1.RiskReason.$Properties): vigil.v1.RiskReason;
             * }}
             */
            RiskReason.create = function(properties) {
                return new RiskReason(properties);
            };

            /**
             * Encodes the specified RiskReason message. Does not implicitly {@link vigil.v1.RiskReason.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {vigil.v1.RiskReason.$Properties} message RiskReason message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskReason.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.code);
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight") && !$Object.is(message.weight, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.weight);
                if (message.raisedAt != null && $Object.hasOwnProperty.call(message, "raisedAt"))
                    $root.google.protobuf.Timestamp.encode(message.raisedAt, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    $root.google.protobuf.Timestamp.encode(message.expiresAt, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RiskReason message, length delimited. Does not implicitly {@link vigil.v1.RiskReason.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {vigil.v1.RiskReason.$Properties} message RiskReason message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskReason.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RiskReason message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape} RiskReason
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskReason.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.RiskReason();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.weight = value;
                            else
                                delete message.weight;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.raisedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.raisedAt);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.expiresAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.expiresAt);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RiskReason message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RiskReason & vigil.v1.RiskReason.$Shape} RiskReason
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskReason.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RiskReason message.
             * @function verify
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RiskReason.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    if (!$util.isString(message.code))
                        return "code: string expected";
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight"))
                    if (typeof message.weight !== "number")
                        return "weight: number expected";
                if (message.raisedAt != null && $Object.hasOwnProperty.call(message, "raisedAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.raisedAt, _depth + 1);
                    if (error)
                        return "raisedAt." + error;
                }
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.expiresAt, _depth + 1);
                    if (error)
                        return "expiresAt." + error;
                }
                return null;
            };

            /**
             * Creates a RiskReason message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RiskReason} RiskReason
             */
            RiskReason.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.RiskReason)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.RiskReason: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.RiskReason();
                if (object.code != null)
                    if (typeof object.code !== "string" || object.code.length)
                        message.code = $String(object.code);
                if (object.weight != null)
                    if (!$Object.is($Number(object.weight), 0))
                        message.weight = $Number(object.weight);
                if (object.raisedAt != null) {
                    if (!$util.isObject(object.raisedAt))
                        throw $TypeError(".vigil.v1.RiskReason.raisedAt: object expected");
                    message.raisedAt = $root.google.protobuf.Timestamp.fromObject(object.raisedAt, _depth + 1);
                }
                if (object.expiresAt != null) {
                    if (!$util.isObject(object.expiresAt))
                        throw $TypeError(".vigil.v1.RiskReason.expiresAt: object expected");
                    message.expiresAt = $root.google.protobuf.Timestamp.fromObject(object.expiresAt, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RiskReason message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {vigil.v1.RiskReason} message RiskReason
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RiskReason.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.code = "";
                    object.weight = 0;
                    object.raisedAt = null;
                    object.expiresAt = null;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = message.code;
                if (message.weight != null && $Object.hasOwnProperty.call(message, "weight"))
                    object.weight = options.json && !$isFinite(message.weight) ? $String(message.weight) : message.weight;
                if (message.raisedAt != null && $Object.hasOwnProperty.call(message, "raisedAt"))
                    object.raisedAt = $root.google.protobuf.Timestamp.toObject(message.raisedAt, options, _depth + 1);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    object.expiresAt = $root.google.protobuf.Timestamp.toObject(message.expiresAt, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RiskReason to JSON.
             * @function toJSON
             * @memberof vigil.v1.RiskReason
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RiskReason.prototype.toJSON = function() {
                return RiskReason.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RiskReason
             * @function getTypeUrl
             * @memberof vigil.v1.RiskReason
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RiskReason.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RiskReason";
            };

            return RiskReason;
        })();

        v1.KnownAttribute = (function() {

            /**
             * Properties of a KnownAttribute.
             * @typedef {Object} vigil.v1.KnownAttribute.$Properties
             * @property {string|null} [value] KnownAttribute value
             * @property {google.protobuf.Timestamp.$Properties|null} [firstSeen] KnownAttribute firstSeen
             * @property {google.protobuf.Timestamp.$Properties|null} [lastSeen] KnownAttribute lastSeen
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a KnownAttribute.
             * @memberof vigil.v1
             * @interface IKnownAttribute
             * @augments vigil.v1.KnownAttribute.$Properties
             * @deprecated Use vigil.v1.KnownAttribute.$Properties instead.
             */

            /**
             * Shape of a KnownAttribute.
             * @typedef {vigil.v1.KnownAttribute.$Properties} vigil.v1.KnownAttribute.$Shape
             */

            /**
             * Constructs a new KnownAttribute.
             * @memberof vigil.v1
             * @classdesc Represents a KnownAttribute.
             * @constructor
             * @param {vigil.v1.KnownAttribute.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var KnownAttribute = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * KnownAttribute value.
             * @member {string} value
             * @memberof vigil.v1.KnownAttribute
             * @instance
             */
            KnownAttribute.prototype.value = "";

            /**
             * KnownAttribute firstSeen.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} firstSeen
             * @memberof vigil.v1.KnownAttribute
             * @instance
             */
            KnownAttribute.prototype.firstSeen = null;

            /**
             * KnownAttribute lastSeen.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} lastSeen
             * @memberof vigil.v1.KnownAttribute
             * @instance
             */
            KnownAttribute.prototype.lastSeen = null;

            /**
             * Creates a new KnownAttribute instance using the specified properties.
             * @function create
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {vigil.v1.KnownAttribute.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.KnownAttribute} KnownAttribute instance
             * @type {{
             *   (properties: vigil.v1.KnownAttribute.$Shape): vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape;
             *   (properties?: vigil.v1.KnownAttribute.$Properties): vigil.v1.KnownAttribute;
             * }}
             */
            KnownAttribute.create = function(properties) {
                return new KnownAttribute(properties);
            };

            /**
             * Encodes the specified KnownAttribute message. Does not implicitly {@link vigil.v1.KnownAttribute.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {vigil.v1.KnownAttribute.$Properties} message KnownAttribute message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KnownAttribute.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.value != null && $Object.hasOwnProperty.call(message, "value") && message.value !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.value);
                if (message.firstSeen != null && $Object.hasOwnProperty.call(message, "firstSeen"))
                    $root.google.protobuf.Timestamp.encode(message.firstSeen, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    $root.google.protobuf.Timestamp.encode(message.lastSeen, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified KnownAttribute message, length delimited. Does not implicitly {@link vigil.v1.KnownAttribute.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {vigil.v1.KnownAttribute.$Properties} message KnownAttribute message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            KnownAttribute.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a KnownAttribute message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape} KnownAttribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KnownAttribute.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.KnownAttribute();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.value = value;
                            else
                                delete message.value;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.firstSeen = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.firstSeen);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.lastSeen = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.lastSeen);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a KnownAttribute message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.KnownAttribute & vigil.v1.KnownAttribute.$Shape} KnownAttribute
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            KnownAttribute.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a KnownAttribute message.
             * @function verify
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            KnownAttribute.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    if (!$util.isString(message.value))
                        return "value: string expected";
                if (message.firstSeen != null && $Object.hasOwnProperty.call(message, "firstSeen")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.firstSeen, _depth + 1);
                    if (error)
                        return "firstSeen." + error;
                }
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.lastSeen, _depth + 1);
                    if (error)
                        return "lastSeen." + error;
                }
                return null;
            };

            /**
             * Creates a KnownAttribute message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.KnownAttribute} KnownAttribute
             */
            KnownAttribute.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.KnownAttribute)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.KnownAttribute: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.KnownAttribute();
                if (object.value != null)
                    if (typeof object.value !== "string" || object.value.length)
                        message.value = $String(object.value);
                if (object.firstSeen != null) {
                    if (!$util.isObject(object.firstSeen))
                        throw $TypeError(".vigil.v1.KnownAttribute.firstSeen: object expected");
                    message.firstSeen = $root.google.protobuf.Timestamp.fromObject(object.firstSeen, _depth + 1);
                }
                if (object.lastSeen != null) {
                    if (!$util.isObject(object.lastSeen))
                        throw $TypeError(".vigil.v1.KnownAttribute.lastSeen: object expected");
                    message.lastSeen = $root.google.protobuf.Timestamp.fromObject(object.lastSeen, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a KnownAttribute message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {vigil.v1.KnownAttribute} message KnownAttribute
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            KnownAttribute.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.value = "";
                    object.firstSeen = null;
                    object.lastSeen = null;
                }
                if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                    object.value = message.value;
                if (message.firstSeen != null && $Object.hasOwnProperty.call(message, "firstSeen"))
                    object.firstSeen = $root.google.protobuf.Timestamp.toObject(message.firstSeen, options, _depth + 1);
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    object.lastSeen = $root.google.protobuf.Timestamp.toObject(message.lastSeen, options, _depth + 1);
                return object;
            };

            /**
             * Converts this KnownAttribute to JSON.
             * @function toJSON
             * @memberof vigil.v1.KnownAttribute
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            KnownAttribute.prototype.toJSON = function() {
                return KnownAttribute.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for KnownAttribute
             * @function getTypeUrl
             * @memberof vigil.v1.KnownAttribute
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            KnownAttribute.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.KnownAttribute";
            };

            return KnownAttribute;
        })();

        v1.Restriction = (function() {

            /**
             * Properties of a Restriction.
             * @typedef {Object} vigil.v1.Restriction.$Properties
             * @property {boolean|null} [active] Restriction active
             * @property {google.protobuf.Timestamp.$Properties|null} [since] Restriction since
             * @property {google.protobuf.Timestamp.$Properties|null} [until] Restriction until
             * @property {Array.<string>|null} [reasons] Restriction reasons
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Restriction.
             * @memberof vigil.v1
             * @interface IRestriction
             * @augments vigil.v1.Restriction.$Properties
             * @deprecated Use vigil.v1.Restriction.$Properties instead.
             */

            /**
             * Shape of a Restriction.
             * @typedef {vigil.v1.Restriction.$Properties} vigil.v1.Restriction.$Shape
             */

            /**
             * Constructs a new Restriction.
             * @memberof vigil.v1
             * @classdesc Represents a Restriction.
             * @constructor
             * @param {vigil.v1.Restriction.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Restriction = function (properties) {
                this.reasons = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Restriction active.
             * @member {boolean} active
             * @memberof vigil.v1.Restriction
             * @instance
             */
            Restriction.prototype.active = false;

            /**
             * Restriction since.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} since
             * @memberof vigil.v1.Restriction
             * @instance
             */
            Restriction.prototype.since = null;

            /**
             * Restriction until.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} until
             * @memberof vigil.v1.Restriction
             * @instance
             */
            Restriction.prototype.until = null;

            /**
             * Restriction reasons.
             * @member {Array.<string>} reasons
             * @memberof vigil.v1.Restriction
             * @instance
             */
            Restriction.prototype.reasons = $util.emptyArray;

            /**
             * Creates a new Restriction instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Restriction
             * @static
             * @param {vigil.v1.Restriction.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Restriction} Restriction instance
             * @type {{
             *   (properties: vigil.v1.Restriction.$Shape): vigil.v1.Restriction & vigil.v1.Restriction.$Shape;
             *   (properties?: vigil.v1.Restriction.$Properties): vigil.v1.Restriction;
             * }}
             */
            Restriction.create = function(properties) {
                return new Restriction(properties);
            };

            /**
             * Encodes the specified Restriction message. Does not implicitly {@link vigil.v1.Restriction.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Restriction
             * @static
             * @param {vigil.v1.Restriction.$Properties} message Restriction message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Restriction.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.active != null && $Object.hasOwnProperty.call(message, "active") && message.active !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.active);
                if (message.since != null && $Object.hasOwnProperty.call(message, "since"))
                    $root.google.protobuf.Timestamp.encode(message.since, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                    $root.google.protobuf.Timestamp.encode(message.until, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.reasons != null && message.reasons.length)
                    for (var i = 0; i < message.reasons.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.reasons[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Restriction message, length delimited. Does not implicitly {@link vigil.v1.Restriction.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Restriction
             * @static
             * @param {vigil.v1.Restriction.$Properties} message Restriction message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Restriction.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Restriction message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Restriction
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Restriction & vigil.v1.Restriction.$Shape} Restriction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Restriction.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.Restriction();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.active = value;
                            else
                                delete message.active;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.since = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.since);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.until = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.until);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.reasons && message.reasons.length))
                                message.reasons = [];
                            message.reasons.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Restriction message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Restriction
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Restriction & vigil.v1.Restriction.$Shape} Restriction
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Restriction.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Restriction message.
             * @function verify
             * @memberof vigil.v1.Restriction
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Restriction.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                    if (typeof message.active !== "boolean")
                        return "active: boolean expected";
                if (message.since != null && $Object.hasOwnProperty.call(message, "since")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.since, _depth + 1);
                    if (error)
                        return "since." + error;
                }
                if (message.until != null && $Object.hasOwnProperty.call(message, "until")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.until, _depth + 1);
                    if (error)
                        return "until." + error;
                }
                if (message.reasons != null && $Object.hasOwnProperty.call(message, "reasons")) {
                    if (!$Array.isArray(message.reasons))
                        return "reasons: array expected";
                    for (var i = 0; i < message.reasons.length; ++i)
                        if (!$util.isString(message.reasons[i]))
                            return "reasons: string[] expected";
                }
                return null;
            };

            /**
             * Creates a Restriction message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Restriction
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Restriction} Restriction
             */
            Restriction.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.Restriction)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.Restriction: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.Restriction();
                if (object.active != null)
                    if (object.active)
                        message.active = $Boolean(object.active);
                if (object.since != null) {
                    if (!$util.isObject(object.since))
                        throw $TypeError(".vigil.v1.Restriction.since: object expected");
                    message.since = $root.google.protobuf.Timestamp.fromObject(object.since, _depth + 1);
                }
                if (object.until != null) {
                    if (!$util.isObject(object.until))
                        throw $TypeError(".vigil.v1.Restriction.until: object expected");
                    message.until = $root.google.protobuf.Timestamp.fromObject(object.until, _depth + 1);
                }
                if (object.reasons) {
                    if (!$Array.isArray(object.reasons))
                        throw $TypeError(".vigil.v1.Restriction.reasons: array expected");
                    message.reasons = $Array(object.reasons.length);
                    for (var i = 0; i < object.reasons.length; ++i)
                        message.reasons[i] = $String(object.reasons[i]);
                }
                return message;
            };

            /**
             * Creates a plain object from a Restriction message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Restriction
             * @static
             * @param {vigil.v1.Restriction} message Restriction
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Restriction.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.reasons = [];
                if (options.defaults) {
                    object.active = false;
                    object.since = null;
                    object.until = null;
                }
                if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                    object.active = message.active;
                if (message.since != null && $Object.hasOwnProperty.call(message, "since"))
                    object.since = $root.google.protobuf.Timestamp.toObject(message.since, options, _depth + 1);
                if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                    object.until = $root.google.protobuf.Timestamp.toObject(message.until, options, _depth + 1);
                if (message.reasons && message.reasons.length) {
                    object.reasons = $Array(message.reasons.length);
                    for (var j = 0; j < message.reasons.length; ++j)
                        object.reasons[j] = message.reasons[j];
                }
                return object;
            };

            /**
             * Converts this Restriction to JSON.
             * @function toJSON
             * @memberof vigil.v1.Restriction
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Restriction.prototype.toJSON = function() {
                return Restriction.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Restriction
             * @function getTypeUrl
             * @memberof vigil.v1.Restriction
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Restriction.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Restriction";
            };

            return Restriction;
        })();

        v1.RiskProfile = (function() {

            /**
             * Properties of a RiskProfile.
             * @typedef {Object} vigil.v1.RiskProfile.$Properties
             * @property {string|null} [userId] RiskProfile userId
             * @property {number|null} [riskScore] RiskProfile riskScore
             * @property {Array.<vigil.v1.RiskReason.$Properties>|null} [reasons] RiskProfile reasons
             * @property {Array.<vigil.v1.KnownAttribute.$Properties>|null} [knownDevices] RiskProfile knownDevices
             * @property {Array.<vigil.v1.KnownAttribute.$Properties>|null} [knownIps] RiskProfile knownIps
             * @property {Array.<vigil.v1.KnownAttribute.$Properties>|null} [knownCountries] RiskProfile knownCountries
             * @property {vigil.v1.Restriction.$Properties|null} [restriction] RiskProfile restriction
             * @property {string|null} [lastApplied] RiskProfile lastApplied
             * @property {number|null} [eventsApplied] RiskProfile eventsApplied
             * @property {google.protobuf.Timestamp.$Properties|null} [reviewedAt] RiskProfile reviewedAt
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RiskProfile.
             * @memberof vigil.v1
             * @interface IRiskProfile
             * @augments vigil.v1.RiskProfile.$Properties
             * @deprecated Use vigil.v1.RiskProfile.$Properties instead.
             */

            /**
             * Shape of a RiskProfile.
             * @typedef {vigil.v1.RiskProfile.$Properties} vigil.v1.RiskProfile.$Shape
             */

            /**
             * Constructs a new RiskProfile.
             * @memberof vigil.v1
             * @classdesc Represents a RiskProfile.
             * @constructor
             * @param {vigil.v1.RiskProfile.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RiskProfile = function (properties) {
                this.reasons = [];
                this.knownDevices = [];
                this.knownIps = [];
                this.knownCountries = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RiskProfile userId.
             * @member {string} userId
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.userId = "";

            /**
             * RiskProfile riskScore.
             * @member {number} riskScore
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.riskScore = 0;

            /**
             * RiskProfile reasons.
             * @member {Array.<vigil.v1.RiskReason.$Properties>} reasons
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.reasons = $util.emptyArray;

            /**
             * RiskProfile knownDevices.
             * @member {Array.<vigil.v1.KnownAttribute.$Properties>} knownDevices
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.knownDevices = $util.emptyArray;

            /**
             * RiskProfile knownIps.
             * @member {Array.<vigil.v1.KnownAttribute.$Properties>} knownIps
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.knownIps = $util.emptyArray;

            /**
             * RiskProfile knownCountries.
             * @member {Array.<vigil.v1.KnownAttribute.$Properties>} knownCountries
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.knownCountries = $util.emptyArray;

            /**
             * RiskProfile restriction.
             * @member {vigil.v1.Restriction.$Properties|null|undefined} restriction
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.restriction = null;

            /**
             * RiskProfile lastApplied.
             * @member {string} lastApplied
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.lastApplied = "";

            /**
             * RiskProfile eventsApplied.
             * @member {number} eventsApplied
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.eventsApplied = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * RiskProfile reviewedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} reviewedAt
             * @memberof vigil.v1.RiskProfile
             * @instance
             */
            RiskProfile.prototype.reviewedAt = null;

            /**
             * Creates a new RiskProfile instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {vigil.v1.RiskProfile.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RiskProfile} RiskProfile instance
             * @type {{
             *   (properties: vigil.v1.RiskProfile.$Shape): vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape;
             *   (properties?: vigil.v1.RiskProfile.$Properties): vigil.v1.RiskProfile;
             * }}
             */
            RiskProfile.create = function(properties) {
                return new RiskProfile(properties);
            };

            /**
             * Encodes the specified RiskProfile message. Does not implicitly {@link vigil.v1.RiskProfile.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {vigil.v1.RiskProfile.$Properties} message RiskProfile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskProfile.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore") && !$Object.is(message.riskScore, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.riskScore);
                if (message.reasons != null && message.reasons.length)
                    for (var i = 0; i < message.reasons.length; ++i)
                        $root.vigil.v1.RiskReason.encode(message.reasons[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.knownDevices != null && message.knownDevices.length)
                    for (var i = 0; i < message.knownDevices.length; ++i)
                        $root.vigil.v1.KnownAttribute.encode(message.knownDevices[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.knownIps != null && message.knownIps.length)
                    for (var i = 0; i < message.knownIps.length; ++i)
                        $root.vigil.v1.KnownAttribute.encode(message.knownIps[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.knownCountries != null && message.knownCountries.length)
                    for (var i = 0; i < message.knownCountries.length; ++i)
                        $root.vigil.v1.KnownAttribute.encode(message.knownCountries[i], writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.restriction != null && $Object.hasOwnProperty.call(message, "restriction"))
                    $root.vigil.v1.Restriction.encode(message.restriction, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.lastApplied != null && $Object.hasOwnProperty.call(message, "lastApplied") && message.lastApplied !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.lastApplied);
                if (message.eventsApplied != null && $Object.hasOwnProperty.call(message, "eventsApplied") && (typeof message.eventsApplied === "object" ? message.eventsApplied.low || message.eventsApplied.high : message.eventsApplied !== 0))
                    writer.uint32(/* id 9, wireType 0 =*/72).int64(message.eventsApplied);
                if (message.reviewedAt != null && $Object.hasOwnProperty.call(message, "reviewedAt"))
                    $root.google.protobuf.Timestamp.encode(message.reviewedAt, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RiskProfile message, length delimited. Does not implicitly {@link vigil.v1.RiskProfile.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {vigil.v1.RiskProfile.$Properties} message RiskProfile message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RiskProfile.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RiskProfile message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape} RiskProfile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskProfile.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.RiskProfile();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.riskScore = value;
                            else
                                delete message.riskScore;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.reasons && message.reasons.length))
                                message.reasons = [];
                            message.reasons.push($root.vigil.v1.RiskReason.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.knownDevices && message.knownDevices.length))
                                message.knownDevices = [];
                            message.knownDevices.push($root.vigil.v1.KnownAttribute.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.knownIps && message.knownIps.length))
                                message.knownIps = [];
                            message.knownIps.push($root.vigil.v1.KnownAttribute.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.knownCountries && message.knownCountries.length))
                                message.knownCountries = [];
                            message.knownCountries.push($root.vigil.v1.KnownAttribute.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.restriction = $root.vigil.v1.Restriction.decode(reader, reader.size(), $undefined, _depth + 1, message.restriction);
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastApplied = value;
                            else
                                delete message.lastApplied;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.eventsApplied = value;
                            else
                                delete message.eventsApplied;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.reviewedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.reviewedAt);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RiskProfile message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RiskProfile & vigil.v1.RiskProfile.$Shape} RiskProfile
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RiskProfile.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RiskProfile message.
             * @function verify
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RiskProfile.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    if (typeof message.riskScore !== "number")
                        return "riskScore: number expected";
                if (message.reasons != null && $Object.hasOwnProperty.call(message, "reasons")) {
                    if (!$Array.isArray(message.reasons))
                        return "reasons: array expected";
                    for (var i = 0; i < message.reasons.length; ++i) {
                        var error = $root.vigil.v1.RiskReason.verify(message.reasons[i], _depth + 1);
                        if (error)
                            return "reasons." + error;
                    }
                }
                if (message.knownDevices != null && $Object.hasOwnProperty.call(message, "knownDevices")) {
                    if (!$Array.isArray(message.knownDevices))
                        return "knownDevices: array expected";
                    for (var i = 0; i < message.knownDevices.length; ++i) {
                        var error = $root.vigil.v1.KnownAttribute.verify(message.knownDevices[i], _depth + 1);
                        if (error)
                            return "knownDevices." + error;
                    }
                }
                if (message.knownIps != null && $Object.hasOwnProperty.call(message, "knownIps")) {
                    if (!$Array.isArray(message.knownIps))
                        return "knownIps: array expected";
                    for (var i = 0; i < message.knownIps.length; ++i) {
                        var error = $root.vigil.v1.KnownAttribute.verify(message.knownIps[i], _depth + 1);
                        if (error)
                            return "knownIps." + error;
                    }
                }
                if (message.knownCountries != null && $Object.hasOwnProperty.call(message, "knownCountries")) {
                    if (!$Array.isArray(message.knownCountries))
                        return "knownCountries: array expected";
                    for (var i = 0; i < message.knownCountries.length; ++i) {
                        var error = $root.vigil.v1.KnownAttribute.verify(message.knownCountries[i], _depth + 1);
                        if (error)
                            return "knownCountries." + error;
                    }
                }
                if (message.restriction != null && $Object.hasOwnProperty.call(message, "restriction")) {
                    var error = $root.vigil.v1.Restriction.verify(message.restriction, _depth + 1);
                    if (error)
                        return "restriction." + error;
                }
                if (message.lastApplied != null && $Object.hasOwnProperty.call(message, "lastApplied"))
                    if (!$util.isString(message.lastApplied))
                        return "lastApplied: string expected";
                if (message.eventsApplied != null && $Object.hasOwnProperty.call(message, "eventsApplied"))
                    if (!$util.isInteger(message.eventsApplied) && !(message.eventsApplied && $util.isInteger(message.eventsApplied.low) && $util.isInteger(message.eventsApplied.high)))
                        return "eventsApplied: integer|Long expected";
                if (message.reviewedAt != null && $Object.hasOwnProperty.call(message, "reviewedAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.reviewedAt, _depth + 1);
                    if (error)
                        return "reviewedAt." + error;
                }
                return null;
            };

            /**
             * Creates a RiskProfile message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RiskProfile} RiskProfile
             */
            RiskProfile.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.RiskProfile)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.RiskProfile: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.RiskProfile();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.riskScore != null)
                    if (!$Object.is($Number(object.riskScore), 0))
                        message.riskScore = $Number(object.riskScore);
                if (object.reasons) {
                    if (!$Array.isArray(object.reasons))
                        throw $TypeError(".vigil.v1.RiskProfile.reasons: array expected");
                    message.reasons = $Array(object.reasons.length);
                    for (var i = 0; i < object.reasons.length; ++i) {
                        if (!$util.isObject(object.reasons[i]))
                            throw $TypeError(".vigil.v1.RiskProfile.reasons: object expected");
                        message.reasons[i] = $root.vigil.v1.RiskReason.fromObject(object.reasons[i], _depth + 1);
                    }
                }
                if (object.knownDevices) {
                    if (!$Array.isArray(object.knownDevices))
                        throw $TypeError(".vigil.v1.RiskProfile.knownDevices: array expected");
                    message.knownDevices = $Array(object.knownDevices.length);
                    for (var i = 0; i < object.knownDevices.length; ++i) {
                        if (!$util.isObject(object.knownDevices[i]))
                            throw $TypeError(".vigil.v1.RiskProfile.knownDevices: object expected");
                        message.knownDevices[i] = $root.vigil.v1.KnownAttribute.fromObject(object.knownDevices[i], _depth + 1);
                    }
                }
                if (object.knownIps) {
                    if (!$Array.isArray(object.knownIps))
                        throw $TypeError(".vigil.v1.RiskProfile.knownIps: array expected");
                    message.knownIps = $Array(object.knownIps.length);
                    for (var i = 0; i < object.knownIps.length; ++i) {
                        if (!$util.isObject(object.knownIps[i]))
                            throw $TypeError(".vigil.v1.RiskProfile.knownIps: object expected");
                        message.knownIps[i] = $root.vigil.v1.KnownAttribute.fromObject(object.knownIps[i], _depth + 1);
                    }
                }
                if (object.knownCountries) {
                    if (!$Array.isArray(object.knownCountries))
                        throw $TypeError(".vigil.v1.RiskProfile.knownCountries: array expected");
                    message.knownCountries = $Array(object.knownCountries.length);
                    for (var i = 0; i < object.knownCountries.length; ++i) {
                        if (!$util.isObject(object.knownCountries[i]))
                            throw $TypeError(".vigil.v1.RiskProfile.knownCountries: object expected");
                        message.knownCountries[i] = $root.vigil.v1.KnownAttribute.fromObject(object.knownCountries[i], _depth + 1);
                    }
                }
                if (object.restriction != null) {
                    if (!$util.isObject(object.restriction))
                        throw $TypeError(".vigil.v1.RiskProfile.restriction: object expected");
                    message.restriction = $root.vigil.v1.Restriction.fromObject(object.restriction, _depth + 1);
                }
                if (object.lastApplied != null)
                    if (typeof object.lastApplied !== "string" || object.lastApplied.length)
                        message.lastApplied = $String(object.lastApplied);
                if (object.eventsApplied != null)
                    if (typeof object.eventsApplied === "object" ? object.eventsApplied.low || object.eventsApplied.high : $Number(object.eventsApplied) !== 0)
                        if ($util.Long)
                            message.eventsApplied = $util.Long.fromValue(object.eventsApplied, false);
                        else if (typeof object.eventsApplied === "string")
                            message.eventsApplied = $parseInt(object.eventsApplied, 10);
                        else if (typeof object.eventsApplied === "number")
                            message.eventsApplied = object.eventsApplied;
                        else if (typeof object.eventsApplied === "object")
                            message.eventsApplied = new $util.LongBits(object.eventsApplied.low >>> 0, object.eventsApplied.high >>> 0).toNumber();
                if (object.reviewedAt != null) {
                    if (!$util.isObject(object.reviewedAt))
                        throw $TypeError(".vigil.v1.RiskProfile.reviewedAt: object expected");
                    message.reviewedAt = $root.google.protobuf.Timestamp.fromObject(object.reviewedAt, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RiskProfile message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {vigil.v1.RiskProfile} message RiskProfile
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RiskProfile.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults) {
                    object.reasons = [];
                    object.knownDevices = [];
                    object.knownIps = [];
                    object.knownCountries = [];
                }
                if (options.defaults) {
                    object.userId = "";
                    object.riskScore = 0;
                    object.restriction = null;
                    object.lastApplied = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.eventsApplied = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.eventsApplied = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.reviewedAt = null;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.riskScore != null && $Object.hasOwnProperty.call(message, "riskScore"))
                    object.riskScore = options.json && !$isFinite(message.riskScore) ? $String(message.riskScore) : message.riskScore;
                if (message.reasons && message.reasons.length) {
                    object.reasons = $Array(message.reasons.length);
                    for (var j = 0; j < message.reasons.length; ++j)
                        object.reasons[j] = $root.vigil.v1.RiskReason.toObject(message.reasons[j], options, _depth + 1);
                }
                if (message.knownDevices && message.knownDevices.length) {
                    object.knownDevices = $Array(message.knownDevices.length);
                    for (var j = 0; j < message.knownDevices.length; ++j)
                        object.knownDevices[j] = $root.vigil.v1.KnownAttribute.toObject(message.knownDevices[j], options, _depth + 1);
                }
                if (message.knownIps && message.knownIps.length) {
                    object.knownIps = $Array(message.knownIps.length);
                    for (var j = 0; j < message.knownIps.length; ++j)
                        object.knownIps[j] = $root.vigil.v1.KnownAttribute.toObject(message.knownIps[j], options, _depth + 1);
                }
                if (message.knownCountries && message.knownCountries.length) {
                    object.knownCountries = $Array(message.knownCountries.length);
                    for (var j = 0; j < message.knownCountries.length; ++j)
                        object.knownCountries[j] = $root.vigil.v1.KnownAttribute.toObject(message.knownCountries[j], options, _depth + 1);
                }
                if (message.restriction != null && $Object.hasOwnProperty.call(message, "restriction"))
                    object.restriction = $root.vigil.v1.Restriction.toObject(message.restriction, options, _depth + 1);
                if (message.lastApplied != null && $Object.hasOwnProperty.call(message, "lastApplied"))
                    object.lastApplied = message.lastApplied;
                if (message.eventsApplied != null && $Object.hasOwnProperty.call(message, "eventsApplied"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.eventsApplied = typeof message.eventsApplied === "number" ? $BigInt(message.eventsApplied) : $util.Long.fromBits(message.eventsApplied.low >>> 0, message.eventsApplied.high >>> 0, false).toBigInt();
                    else if (typeof message.eventsApplied === "number")
                        object.eventsApplied = options.longs === $String ? $String(message.eventsApplied) : message.eventsApplied;
                    else
                        object.eventsApplied = options.longs === $String ? $util.Long.prototype.toString.call(message.eventsApplied) : options.longs === $Number ? new $util.LongBits(message.eventsApplied.low >>> 0, message.eventsApplied.high >>> 0).toNumber() : message.eventsApplied;
                if (message.reviewedAt != null && $Object.hasOwnProperty.call(message, "reviewedAt"))
                    object.reviewedAt = $root.google.protobuf.Timestamp.toObject(message.reviewedAt, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RiskProfile to JSON.
             * @function toJSON
             * @memberof vigil.v1.RiskProfile
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RiskProfile.prototype.toJSON = function() {
                return RiskProfile.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RiskProfile
             * @function getTypeUrl
             * @memberof vigil.v1.RiskProfile
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RiskProfile.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RiskProfile";
            };

            return RiskProfile;
        })();

        v1.ClearRestrictionRequest = (function() {

            /**
             * Properties of a ClearRestrictionRequest.
             * @typedef {Object} vigil.v1.ClearRestrictionRequest.$Properties
             * @property {string|null} [userId] ClearRestrictionRequest userId
             * @property {string|null} [reviewer] ClearRestrictionRequest reviewer
             * @property {string|null} [reason] ClearRestrictionRequest reason
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClearRestrictionRequest.
             * @memberof vigil.v1
             * @interface IClearRestrictionRequest
             * @augments vigil.v1.ClearRestrictionRequest.$Properties
             * @deprecated Use vigil.v1.ClearRestrictionRequest.$Properties instead.
             */

            /**
             * Shape of a ClearRestrictionRequest.
             * @typedef {vigil.v1.ClearRestrictionRequest.$Properties} vigil.v1.ClearRestrictionRequest.$Shape
             */

            /**
             * Constructs a new ClearRestrictionRequest.
             * @memberof vigil.v1
             * @classdesc Represents a ClearRestrictionRequest.
             * @constructor
             * @param {vigil.v1.ClearRestrictionRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ClearRestrictionRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClearRestrictionRequest userId.
             * @member {string} userId
             * @memberof vigil.v1.ClearRestrictionRequest
             * @instance
             */
            ClearRestrictionRequest.prototype.userId = "";

            /**
             * ClearRestrictionRequest reviewer.
             * @member {string} reviewer
             * @memberof vigil.v1.ClearRestrictionRequest
             * @instance
             */
            ClearRestrictionRequest.prototype.reviewer = "";

            /**
             * ClearRestrictionRequest reason.
             * @member {string} reason
             * @memberof vigil.v1.ClearRestrictionRequest
             * @instance
             */
            ClearRestrictionRequest.prototype.reason = "";

            /**
             * Creates a new ClearRestrictionRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {vigil.v1.ClearRestrictionRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.ClearRestrictionRequest} ClearRestrictionRequest instance
             * @type {{
             *   (properties: vigil.v1.ClearRestrictionRequest.$Shape): vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape;
             *   (properties?: vigil.v1.ClearRestrictionRequest.$Properties): vigil.v1.ClearRestrictionRequest;
             * }}
             */
            ClearRestrictionRequest.create = function(properties) {
                return new ClearRestrictionRequest(properties);
            };

            /**
             * Encodes the specified ClearRestrictionRequest message. Does not implicitly {@link vigil.v1.ClearRestrictionRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {vigil.v1.ClearRestrictionRequest.$Properties} message ClearRestrictionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearRestrictionRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer") && message.reviewer !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reviewer);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ClearRestrictionRequest message, length delimited. Does not implicitly {@link vigil.v1.ClearRestrictionRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {vigil.v1.ClearRestrictionRequest.$Properties} message ClearRestrictionRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearRestrictionRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ClearRestrictionRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape} ClearRestrictionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearRestrictionRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.ClearRestrictionRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reviewer = value;
                            else
                                delete message.reviewer;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ClearRestrictionRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.ClearRestrictionRequest & vigil.v1.ClearRestrictionRequest.$Shape} ClearRestrictionRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearRestrictionRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ClearRestrictionRequest message.
             * @function verify
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClearRestrictionRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer"))
                    if (!$util.isString(message.reviewer))
                        return "reviewer: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                return null;
            };

            /**
             * Creates a ClearRestrictionRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.ClearRestrictionRequest} ClearRestrictionRequest
             */
            ClearRestrictionRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.ClearRestrictionRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.ClearRestrictionRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.ClearRestrictionRequest();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.reviewer != null)
                    if (typeof object.reviewer !== "string" || object.reviewer.length)
                        message.reviewer = $String(object.reviewer);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                return message;
            };

            /**
             * Creates a plain object from a ClearRestrictionRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {vigil.v1.ClearRestrictionRequest} message ClearRestrictionRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ClearRestrictionRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.reviewer = "";
                    object.reason = "";
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer"))
                    object.reviewer = message.reviewer;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                return object;
            };

            /**
             * Converts this ClearRestrictionRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.ClearRestrictionRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ClearRestrictionRequest.prototype.toJSON = function() {
                return ClearRestrictionRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ClearRestrictionRequest
             * @function getTypeUrl
             * @memberof vigil.v1.ClearRestrictionRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClearRestrictionRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.ClearRestrictionRequest";
            };

            return ClearRestrictionRequest;
        })();

        v1.ClearRestrictionResponse = (function() {

            /**
             * Properties of a ClearRestrictionResponse.
             * @typedef {Object} vigil.v1.ClearRestrictionResponse.$Properties
             * @property {boolean|null} [wasRestricted] ClearRestrictionResponse wasRestricted
             * @property {string|null} [auditEventId] ClearRestrictionResponse auditEventId
             * @property {boolean|null} [applied] ClearRestrictionResponse applied
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ClearRestrictionResponse.
             * @memberof vigil.v1
             * @interface IClearRestrictionResponse
             * @augments vigil.v1.ClearRestrictionResponse.$Properties
             * @deprecated Use vigil.v1.ClearRestrictionResponse.$Properties instead.
             */

            /**
             * Shape of a ClearRestrictionResponse.
             * @typedef {vigil.v1.ClearRestrictionResponse.$Properties} vigil.v1.ClearRestrictionResponse.$Shape
             */

            /**
             * Constructs a new ClearRestrictionResponse.
             * @memberof vigil.v1
             * @classdesc Represents a ClearRestrictionResponse.
             * @constructor
             * @param {vigil.v1.ClearRestrictionResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var ClearRestrictionResponse = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * ClearRestrictionResponse wasRestricted.
             * @member {boolean} wasRestricted
             * @memberof vigil.v1.ClearRestrictionResponse
             * @instance
             */
            ClearRestrictionResponse.prototype.wasRestricted = false;

            /**
             * ClearRestrictionResponse auditEventId.
             * @member {string} auditEventId
             * @memberof vigil.v1.ClearRestrictionResponse
             * @instance
             */
            ClearRestrictionResponse.prototype.auditEventId = "";

            /**
             * ClearRestrictionResponse applied.
             * @member {boolean} applied
             * @memberof vigil.v1.ClearRestrictionResponse
             * @instance
             */
            ClearRestrictionResponse.prototype.applied = false;

            /**
             * Creates a new ClearRestrictionResponse instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {vigil.v1.ClearRestrictionResponse.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.ClearRestrictionResponse} ClearRestrictionResponse instance
             * @type {{
             *   (properties: vigil.v1.ClearRestrictionResponse.$Shape): vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape;
             *   (properties?: vigil.v1.ClearRestrictionResponse.$Properties): vigil.v1.ClearRestrictionResponse;
             * }}
             */
            ClearRestrictionResponse.create = function(properties) {
                return new ClearRestrictionResponse(properties);
            };

            /**
             * Encodes the specified ClearRestrictionResponse message. Does not implicitly {@link vigil.v1.ClearRestrictionResponse.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {vigil.v1.ClearRestrictionResponse.$Properties} message ClearRestrictionResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearRestrictionResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.wasRestricted != null && $Object.hasOwnProperty.call(message, "wasRestricted") && message.wasRestricted !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.wasRestricted);
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId") && message.auditEventId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.auditEventId);
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied") && message.applied !== false)
                    writer.uint32(/* id 3, wireType 0 =*/24).bool(message.applied);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified ClearRestrictionResponse message, length delimited. Does not implicitly {@link vigil.v1.ClearRestrictionResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {vigil.v1.ClearRestrictionResponse.$Properties} message ClearRestrictionResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ClearRestrictionResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ClearRestrictionResponse message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape} ClearRestrictionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearRestrictionResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.ClearRestrictionResponse();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.wasRestricted = value;
                            else
                                delete message.wasRestricted;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.auditEventId = value;
                            else
                                delete message.auditEventId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.applied = value;
                            else
                                delete message.applied;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a ClearRestrictionResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.ClearRestrictionResponse & vigil.v1.ClearRestrictionResponse.$Shape} ClearRestrictionResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ClearRestrictionResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ClearRestrictionResponse message.
             * @function verify
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ClearRestrictionResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.wasRestricted != null && $Object.hasOwnProperty.call(message, "wasRestricted"))
                    if (typeof message.wasRestricted !== "boolean")
                        return "wasRestricted: boolean expected";
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId"))
                    if (!$util.isString(message.auditEventId))
                        return "auditEventId: string expected";
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    if (typeof message.applied !== "boolean")
                        return "applied: boolean expected";
                return null;
            };

            /**
             * Creates a ClearRestrictionResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.ClearRestrictionResponse} ClearRestrictionResponse
             */
            ClearRestrictionResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.ClearRestrictionResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.ClearRestrictionResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.ClearRestrictionResponse();
                if (object.wasRestricted != null)
                    if (object.wasRestricted)
                        message.wasRestricted = $Boolean(object.wasRestricted);
                if (object.auditEventId != null)
                    if (typeof object.auditEventId !== "string" || object.auditEventId.length)
                        message.auditEventId = $String(object.auditEventId);
                if (object.applied != null)
                    if (object.applied)
                        message.applied = $Boolean(object.applied);
                return message;
            };

            /**
             * Creates a plain object from a ClearRestrictionResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {vigil.v1.ClearRestrictionResponse} message ClearRestrictionResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ClearRestrictionResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.wasRestricted = false;
                    object.auditEventId = "";
                    object.applied = false;
                }
                if (message.wasRestricted != null && $Object.hasOwnProperty.call(message, "wasRestricted"))
                    object.wasRestricted = message.wasRestricted;
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId"))
                    object.auditEventId = message.auditEventId;
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    object.applied = message.applied;
                return object;
            };

            /**
             * Converts this ClearRestrictionResponse to JSON.
             * @function toJSON
             * @memberof vigil.v1.ClearRestrictionResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ClearRestrictionResponse.prototype.toJSON = function() {
                return ClearRestrictionResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ClearRestrictionResponse
             * @function getTypeUrl
             * @memberof vigil.v1.ClearRestrictionResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ClearRestrictionResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.ClearRestrictionResponse";
            };

            return ClearRestrictionResponse;
        })();

        v1.RestrictUserRequest = (function() {

            /**
             * Properties of a RestrictUserRequest.
             * @typedef {Object} vigil.v1.RestrictUserRequest.$Properties
             * @property {string|null} [userId] RestrictUserRequest userId
             * @property {string|null} [reviewer] RestrictUserRequest reviewer
             * @property {string|null} [reason] RestrictUserRequest reason
             * @property {number|null} [ttlSeconds] RestrictUserRequest ttlSeconds
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RestrictUserRequest.
             * @memberof vigil.v1
             * @interface IRestrictUserRequest
             * @augments vigil.v1.RestrictUserRequest.$Properties
             * @deprecated Use vigil.v1.RestrictUserRequest.$Properties instead.
             */

            /**
             * Shape of a RestrictUserRequest.
             * @typedef {vigil.v1.RestrictUserRequest.$Properties} vigil.v1.RestrictUserRequest.$Shape
             */

            /**
             * Constructs a new RestrictUserRequest.
             * @memberof vigil.v1
             * @classdesc Represents a RestrictUserRequest.
             * @constructor
             * @param {vigil.v1.RestrictUserRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RestrictUserRequest = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RestrictUserRequest userId.
             * @member {string} userId
             * @memberof vigil.v1.RestrictUserRequest
             * @instance
             */
            RestrictUserRequest.prototype.userId = "";

            /**
             * RestrictUserRequest reviewer.
             * @member {string} reviewer
             * @memberof vigil.v1.RestrictUserRequest
             * @instance
             */
            RestrictUserRequest.prototype.reviewer = "";

            /**
             * RestrictUserRequest reason.
             * @member {string} reason
             * @memberof vigil.v1.RestrictUserRequest
             * @instance
             */
            RestrictUserRequest.prototype.reason = "";

            /**
             * RestrictUserRequest ttlSeconds.
             * @member {number} ttlSeconds
             * @memberof vigil.v1.RestrictUserRequest
             * @instance
             */
            RestrictUserRequest.prototype.ttlSeconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Creates a new RestrictUserRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {vigil.v1.RestrictUserRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RestrictUserRequest} RestrictUserRequest instance
             * @type {{
             *   (properties: vigil.v1.RestrictUserRequest.$Shape): vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape;
             *   (properties?: vigil.v1.RestrictUserRequest.$Properties): vigil.v1.RestrictUserRequest;
             * }}
             */
            RestrictUserRequest.create = function(properties) {
                return new RestrictUserRequest(properties);
            };

            /**
             * Encodes the specified RestrictUserRequest message. Does not implicitly {@link vigil.v1.RestrictUserRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {vigil.v1.RestrictUserRequest.$Properties} message RestrictUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestrictUserRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer") && message.reviewer !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.reviewer);
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.reason);
                if (message.ttlSeconds != null && $Object.hasOwnProperty.call(message, "ttlSeconds") && (typeof message.ttlSeconds === "object" ? message.ttlSeconds.low || message.ttlSeconds.high : message.ttlSeconds !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.ttlSeconds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RestrictUserRequest message, length delimited. Does not implicitly {@link vigil.v1.RestrictUserRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {vigil.v1.RestrictUserRequest.$Properties} message RestrictUserRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestrictUserRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RestrictUserRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape} RestrictUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestrictUserRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.RestrictUserRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reviewer = value;
                            else
                                delete message.reviewer;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.ttlSeconds = value;
                            else
                                delete message.ttlSeconds;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RestrictUserRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RestrictUserRequest & vigil.v1.RestrictUserRequest.$Shape} RestrictUserRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestrictUserRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RestrictUserRequest message.
             * @function verify
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RestrictUserRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer"))
                    if (!$util.isString(message.reviewer))
                        return "reviewer: string expected";
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    if (!$util.isString(message.reason))
                        return "reason: string expected";
                if (message.ttlSeconds != null && $Object.hasOwnProperty.call(message, "ttlSeconds"))
                    if (!$util.isInteger(message.ttlSeconds) && !(message.ttlSeconds && $util.isInteger(message.ttlSeconds.low) && $util.isInteger(message.ttlSeconds.high)))
                        return "ttlSeconds: integer|Long expected";
                return null;
            };

            /**
             * Creates a RestrictUserRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RestrictUserRequest} RestrictUserRequest
             */
            RestrictUserRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.RestrictUserRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.RestrictUserRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.RestrictUserRequest();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.reviewer != null)
                    if (typeof object.reviewer !== "string" || object.reviewer.length)
                        message.reviewer = $String(object.reviewer);
                if (object.reason != null)
                    if (typeof object.reason !== "string" || object.reason.length)
                        message.reason = $String(object.reason);
                if (object.ttlSeconds != null)
                    if (typeof object.ttlSeconds === "object" ? object.ttlSeconds.low || object.ttlSeconds.high : $Number(object.ttlSeconds) !== 0)
                        if ($util.Long)
                            message.ttlSeconds = $util.Long.fromValue(object.ttlSeconds, false);
                        else if (typeof object.ttlSeconds === "string")
                            message.ttlSeconds = $parseInt(object.ttlSeconds, 10);
                        else if (typeof object.ttlSeconds === "number")
                            message.ttlSeconds = object.ttlSeconds;
                        else if (typeof object.ttlSeconds === "object")
                            message.ttlSeconds = new $util.LongBits(object.ttlSeconds.low >>> 0, object.ttlSeconds.high >>> 0).toNumber();
                return message;
            };

            /**
             * Creates a plain object from a RestrictUserRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {vigil.v1.RestrictUserRequest} message RestrictUserRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RestrictUserRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.reviewer = "";
                    object.reason = "";
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.ttlSeconds = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.ttlSeconds = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.reviewer != null && $Object.hasOwnProperty.call(message, "reviewer"))
                    object.reviewer = message.reviewer;
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = message.reason;
                if (message.ttlSeconds != null && $Object.hasOwnProperty.call(message, "ttlSeconds"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.ttlSeconds = typeof message.ttlSeconds === "number" ? $BigInt(message.ttlSeconds) : $util.Long.fromBits(message.ttlSeconds.low >>> 0, message.ttlSeconds.high >>> 0, false).toBigInt();
                    else if (typeof message.ttlSeconds === "number")
                        object.ttlSeconds = options.longs === $String ? $String(message.ttlSeconds) : message.ttlSeconds;
                    else
                        object.ttlSeconds = options.longs === $String ? $util.Long.prototype.toString.call(message.ttlSeconds) : options.longs === $Number ? new $util.LongBits(message.ttlSeconds.low >>> 0, message.ttlSeconds.high >>> 0).toNumber() : message.ttlSeconds;
                return object;
            };

            /**
             * Converts this RestrictUserRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.RestrictUserRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RestrictUserRequest.prototype.toJSON = function() {
                return RestrictUserRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RestrictUserRequest
             * @function getTypeUrl
             * @memberof vigil.v1.RestrictUserRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RestrictUserRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RestrictUserRequest";
            };

            return RestrictUserRequest;
        })();

        v1.RestrictUserResponse = (function() {

            /**
             * Properties of a RestrictUserResponse.
             * @typedef {Object} vigil.v1.RestrictUserResponse.$Properties
             * @property {string|null} [auditEventId] RestrictUserResponse auditEventId
             * @property {boolean|null} [applied] RestrictUserResponse applied
             * @property {google.protobuf.Timestamp.$Properties|null} [until] RestrictUserResponse until
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RestrictUserResponse.
             * @memberof vigil.v1
             * @interface IRestrictUserResponse
             * @augments vigil.v1.RestrictUserResponse.$Properties
             * @deprecated Use vigil.v1.RestrictUserResponse.$Properties instead.
             */

            /**
             * Shape of a RestrictUserResponse.
             * @typedef {vigil.v1.RestrictUserResponse.$Properties} vigil.v1.RestrictUserResponse.$Shape
             */

            /**
             * Constructs a new RestrictUserResponse.
             * @memberof vigil.v1
             * @classdesc Represents a RestrictUserResponse.
             * @constructor
             * @param {vigil.v1.RestrictUserResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var RestrictUserResponse = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * RestrictUserResponse auditEventId.
             * @member {string} auditEventId
             * @memberof vigil.v1.RestrictUserResponse
             * @instance
             */
            RestrictUserResponse.prototype.auditEventId = "";

            /**
             * RestrictUserResponse applied.
             * @member {boolean} applied
             * @memberof vigil.v1.RestrictUserResponse
             * @instance
             */
            RestrictUserResponse.prototype.applied = false;

            /**
             * RestrictUserResponse until.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} until
             * @memberof vigil.v1.RestrictUserResponse
             * @instance
             */
            RestrictUserResponse.prototype.until = null;

            /**
             * Creates a new RestrictUserResponse instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {vigil.v1.RestrictUserResponse.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RestrictUserResponse} RestrictUserResponse instance
             * @type {{
             *   (properties: vigil.v1.RestrictUserResponse.$Shape): vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape;
             *   (properties?: vigil.v1.RestrictUserResponse.$Properties): vigil.v1.RestrictUserResponse;
             * }}
             */
            RestrictUserResponse.create = function(properties) {
                return new RestrictUserResponse(properties);
            };

            /**
             * Encodes the specified RestrictUserResponse message. Does not implicitly {@link vigil.v1.RestrictUserResponse.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {vigil.v1.RestrictUserResponse.$Properties} message RestrictUserResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestrictUserResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId") && message.auditEventId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.auditEventId);
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied") && message.applied !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.applied);
                if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                    $root.google.protobuf.Timestamp.encode(message.until, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified RestrictUserResponse message, length delimited. Does not implicitly {@link vigil.v1.RestrictUserResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {vigil.v1.RestrictUserResponse.$Properties} message RestrictUserResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RestrictUserResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RestrictUserResponse message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape} RestrictUserResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestrictUserResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.RestrictUserResponse();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.auditEventId = value;
                            else
                                delete message.auditEventId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.applied = value;
                            else
                                delete message.applied;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.until = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.until);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a RestrictUserResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RestrictUserResponse & vigil.v1.RestrictUserResponse.$Shape} RestrictUserResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RestrictUserResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RestrictUserResponse message.
             * @function verify
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RestrictUserResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId"))
                    if (!$util.isString(message.auditEventId))
                        return "auditEventId: string expected";
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    if (typeof message.applied !== "boolean")
                        return "applied: boolean expected";
                if (message.until != null && $Object.hasOwnProperty.call(message, "until")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.until, _depth + 1);
                    if (error)
                        return "until." + error;
                }
                return null;
            };

            /**
             * Creates a RestrictUserResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.RestrictUserResponse} RestrictUserResponse
             */
            RestrictUserResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.RestrictUserResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.RestrictUserResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.RestrictUserResponse();
                if (object.auditEventId != null)
                    if (typeof object.auditEventId !== "string" || object.auditEventId.length)
                        message.auditEventId = $String(object.auditEventId);
                if (object.applied != null)
                    if (object.applied)
                        message.applied = $Boolean(object.applied);
                if (object.until != null) {
                    if (!$util.isObject(object.until))
                        throw $TypeError(".vigil.v1.RestrictUserResponse.until: object expected");
                    message.until = $root.google.protobuf.Timestamp.fromObject(object.until, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from a RestrictUserResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {vigil.v1.RestrictUserResponse} message RestrictUserResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RestrictUserResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.auditEventId = "";
                    object.applied = false;
                    object.until = null;
                }
                if (message.auditEventId != null && $Object.hasOwnProperty.call(message, "auditEventId"))
                    object.auditEventId = message.auditEventId;
                if (message.applied != null && $Object.hasOwnProperty.call(message, "applied"))
                    object.applied = message.applied;
                if (message.until != null && $Object.hasOwnProperty.call(message, "until"))
                    object.until = $root.google.protobuf.Timestamp.toObject(message.until, options, _depth + 1);
                return object;
            };

            /**
             * Converts this RestrictUserResponse to JSON.
             * @function toJSON
             * @memberof vigil.v1.RestrictUserResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RestrictUserResponse.prototype.toJSON = function() {
                return RestrictUserResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RestrictUserResponse
             * @function getTypeUrl
             * @memberof vigil.v1.RestrictUserResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RestrictUserResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RestrictUserResponse";
            };

            return RestrictUserResponse;
        })();

        v1.AccessEvent = (function() {

            /**
             * Properties of an AccessEvent.
             * @typedef {Object} vigil.v1.AccessEvent.$Properties
             * @property {string|null} [eventId] AccessEvent eventId
             * @property {google.protobuf.Timestamp.$Properties|null} [occurredAt] AccessEvent occurredAt
             * @property {google.protobuf.Timestamp.$Properties|null} [receivedAt] AccessEvent receivedAt
             * @property {string|null} [tenantId] AccessEvent tenantId
             * @property {vigil.v1.Actor.$Properties|null} [actor] AccessEvent actor
             * @property {string|null} [action] AccessEvent action
             * @property {string|null} [resource] AccessEvent resource
             * @property {vigil.v1.Outcome|null} [outcome] AccessEvent outcome
             * @property {string|null} [source] AccessEvent source
             * @property {Object.<string,string>|null} [attributes] AccessEvent attributes
             * @property {vigil.v1.Establishes.$Properties|null} [establishes] AccessEvent establishes
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AccessEvent.
             * @memberof vigil.v1
             * @interface IAccessEvent
             * @augments vigil.v1.AccessEvent.$Properties
             * @deprecated Use vigil.v1.AccessEvent.$Properties instead.
             */

            /**
             * Shape of an AccessEvent.
             * @typedef {vigil.v1.AccessEvent.$Properties} vigil.v1.AccessEvent.$Shape
             */

            /**
             * Constructs a new AccessEvent.
             * @memberof vigil.v1
             * @classdesc Represents an AccessEvent.
             * @constructor
             * @param {vigil.v1.AccessEvent.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var AccessEvent = function (properties) {
                this.attributes = {};
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * AccessEvent eventId.
             * @member {string} eventId
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.eventId = "";

            /**
             * AccessEvent occurredAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} occurredAt
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.occurredAt = null;

            /**
             * AccessEvent receivedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} receivedAt
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.receivedAt = null;

            /**
             * AccessEvent tenantId.
             * @member {string} tenantId
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.tenantId = "";

            /**
             * AccessEvent actor.
             * @member {vigil.v1.Actor.$Properties|null|undefined} actor
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.actor = null;

            /**
             * AccessEvent action.
             * @member {string} action
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.action = "";

            /**
             * AccessEvent resource.
             * @member {string} resource
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.resource = "";

            /**
             * AccessEvent outcome.
             * @member {vigil.v1.Outcome} outcome
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.outcome = 0;

            /**
             * AccessEvent source.
             * @member {string} source
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.source = "";

            /**
             * AccessEvent attributes.
             * @member {Object.<string,string>} attributes
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.attributes = $util.emptyObject;

            /**
             * AccessEvent establishes.
             * @member {vigil.v1.Establishes.$Properties|null|undefined} establishes
             * @memberof vigil.v1.AccessEvent
             * @instance
             */
            AccessEvent.prototype.establishes = null;

            /**
             * Creates a new AccessEvent instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {vigil.v1.AccessEvent.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.AccessEvent} AccessEvent instance
             * @type {{
             *   (properties: vigil.v1.AccessEvent.$Shape): vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape;
             *   (properties?: vigil.v1.AccessEvent.$Properties): vigil.v1.AccessEvent;
             * }}
             */
            AccessEvent.create = function(properties) {
                return new AccessEvent(properties);
            };

            /**
             * Encodes the specified AccessEvent message. Does not implicitly {@link vigil.v1.AccessEvent.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {vigil.v1.AccessEvent.$Properties} message AccessEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccessEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId") && message.eventId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.eventId);
                if (message.occurredAt != null && $Object.hasOwnProperty.call(message, "occurredAt"))
                    $root.google.protobuf.Timestamp.encode(message.occurredAt, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt"))
                    $root.google.protobuf.Timestamp.encode(message.receivedAt, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId") && message.tenantId !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.tenantId);
                if (message.actor != null && $Object.hasOwnProperty.call(message, "actor"))
                    $root.vigil.v1.Actor.encode(message.actor, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.action);
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource") && message.resource !== "")
                    writer.uint32(/* id 7, wireType 2 =*/58).string(message.resource);
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome") && message.outcome !== 0)
                    writer.uint32(/* id 8, wireType 0 =*/64).int32(message.outcome);
                if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                    writer.uint32(/* id 9, wireType 2 =*/74).string(message.source);
                if (message.attributes != null && $Object.hasOwnProperty.call(message, "attributes"))
                    for (var keys = $Object.keys(message.attributes), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 10, wireType 2 =*/82).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 2 =*/18).string(message.attributes[keys[i]]).ldelim();
                if (message.establishes != null && $Object.hasOwnProperty.call(message, "establishes"))
                    $root.vigil.v1.Establishes.encode(message.establishes, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified AccessEvent message, length delimited. Does not implicitly {@link vigil.v1.AccessEvent.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {vigil.v1.AccessEvent.$Properties} message AccessEvent message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AccessEvent.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AccessEvent message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape} AccessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccessEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.AccessEvent();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.eventId = value;
                            else
                                delete message.eventId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.occurredAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.occurredAt);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.receivedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.receivedAt);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.tenantId = value;
                            else
                                delete message.tenantId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.actor = $root.vigil.v1.Actor.decode(reader, reader.size(), $undefined, _depth + 1, message.actor);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.action = value;
                            else
                                delete message.action;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.resource = value;
                            else
                                delete message.resource;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.outcome = value;
                            else
                                delete message.outcome;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.source = value;
                            else
                                delete message.source;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (message.attributes === $util.emptyObject)
                                message.attributes = {};
                            var end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = "";
                            while (reader.pos < end2) {
                                var tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 2)
                                        break;
                                    value = reader.stringVerify();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.attributes, key);
                            message.attributes[key] = value;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.establishes = $root.vigil.v1.Establishes.decode(reader, reader.size(), $undefined, _depth + 1, message.establishes);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an AccessEvent message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.AccessEvent & vigil.v1.AccessEvent.$Shape} AccessEvent
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AccessEvent.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AccessEvent message.
             * @function verify
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AccessEvent.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    if (!$util.isString(message.eventId))
                        return "eventId: string expected";
                if (message.occurredAt != null && $Object.hasOwnProperty.call(message, "occurredAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.occurredAt, _depth + 1);
                    if (error)
                        return "occurredAt." + error;
                }
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.receivedAt, _depth + 1);
                    if (error)
                        return "receivedAt." + error;
                }
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                    if (!$util.isString(message.tenantId))
                        return "tenantId: string expected";
                if (message.actor != null && $Object.hasOwnProperty.call(message, "actor")) {
                    var error = $root.vigil.v1.Actor.verify(message.actor, _depth + 1);
                    if (error)
                        return "actor." + error;
                }
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    if (!$util.isString(message.action))
                        return "action: string expected";
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource"))
                    if (!$util.isString(message.resource))
                        return "resource: string expected";
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    if (typeof message.outcome !== "number" || (message.outcome | 0) !== message.outcome)
                        return "outcome: enum value expected";
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    if (!$util.isString(message.source))
                        return "source: string expected";
                if (message.attributes != null && $Object.hasOwnProperty.call(message, "attributes")) {
                    if (!$util.isObject(message.attributes))
                        return "attributes: object expected";
                    var key = $Object.keys(message.attributes);
                    for (var i = 0; i < key.length; ++i)
                        if (!$util.isString(message.attributes[key[i]]))
                            return "attributes: string{k:string} expected";
                }
                if (message.establishes != null && $Object.hasOwnProperty.call(message, "establishes")) {
                    var error = $root.vigil.v1.Establishes.verify(message.establishes, _depth + 1);
                    if (error)
                        return "establishes." + error;
                }
                return null;
            };

            /**
             * Creates an AccessEvent message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.AccessEvent} AccessEvent
             */
            AccessEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.AccessEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.AccessEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.AccessEvent();
                if (object.eventId != null)
                    if (typeof object.eventId !== "string" || object.eventId.length)
                        message.eventId = $String(object.eventId);
                if (object.occurredAt != null) {
                    if (!$util.isObject(object.occurredAt))
                        throw $TypeError(".vigil.v1.AccessEvent.occurredAt: object expected");
                    message.occurredAt = $root.google.protobuf.Timestamp.fromObject(object.occurredAt, _depth + 1);
                }
                if (object.receivedAt != null) {
                    if (!$util.isObject(object.receivedAt))
                        throw $TypeError(".vigil.v1.AccessEvent.receivedAt: object expected");
                    message.receivedAt = $root.google.protobuf.Timestamp.fromObject(object.receivedAt, _depth + 1);
                }
                if (object.tenantId != null)
                    if (typeof object.tenantId !== "string" || object.tenantId.length)
                        message.tenantId = $String(object.tenantId);
                if (object.actor != null) {
                    if (!$util.isObject(object.actor))
                        throw $TypeError(".vigil.v1.AccessEvent.actor: object expected");
                    message.actor = $root.vigil.v1.Actor.fromObject(object.actor, _depth + 1);
                }
                if (object.action != null)
                    if (typeof object.action !== "string" || object.action.length)
                        message.action = $String(object.action);
                if (object.resource != null)
                    if (typeof object.resource !== "string" || object.resource.length)
                        message.resource = $String(object.resource);
                if (object.outcome !== 0 && (typeof object.outcome !== "string" || $root.vigil.v1.Outcome[object.outcome] !== 0))
                    switch (object.outcome) {
                    case "OUTCOME_UNSPECIFIED":
                    case 0:
                        message.outcome = 0;
                        break;
                    case "OUTCOME_SUCCESS":
                    case 1:
                        message.outcome = 1;
                        break;
                    case "OUTCOME_FAILURE":
                    case 2:
                        message.outcome = 2;
                        break;
                    case "OUTCOME_DENIED":
                    case 3:
                        message.outcome = 3;
                        break;
                    default:
                        if (typeof object.outcome === "number" && (object.outcome | 0) === object.outcome)
                            message.outcome = object.outcome;
                    }
                if (object.source != null)
                    if (typeof object.source !== "string" || object.source.length)
                        message.source = $String(object.source);
                if (object.attributes) {
                    if (!$util.isObject(object.attributes))
                        throw $TypeError(".vigil.v1.AccessEvent.attributes: object expected");
                    message.attributes = {};
                    for (var keys = $Object.keys(object.attributes), i = 0; i < keys.length; ++i) {
                        if (keys[i] === "__proto__")
                            $util.makeProp(message.attributes, keys[i]);
                        message.attributes[keys[i]] = $String(object.attributes[keys[i]]);
                    }
                }
                if (object.establishes != null) {
                    if (!$util.isObject(object.establishes))
                        throw $TypeError(".vigil.v1.AccessEvent.establishes: object expected");
                    message.establishes = $root.vigil.v1.Establishes.fromObject(object.establishes, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an AccessEvent message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {vigil.v1.AccessEvent} message AccessEvent
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AccessEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.objects || options.defaults)
                    object.attributes = {};
                if (options.defaults) {
                    object.eventId = "";
                    object.occurredAt = null;
                    object.receivedAt = null;
                    object.tenantId = "";
                    object.actor = null;
                    object.action = "";
                    object.resource = "";
                    object.outcome = options.enums === $String ? "OUTCOME_UNSPECIFIED" : 0;
                    object.source = "";
                    object.establishes = null;
                }
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    object.eventId = message.eventId;
                if (message.occurredAt != null && $Object.hasOwnProperty.call(message, "occurredAt"))
                    object.occurredAt = $root.google.protobuf.Timestamp.toObject(message.occurredAt, options, _depth + 1);
                if (message.receivedAt != null && $Object.hasOwnProperty.call(message, "receivedAt"))
                    object.receivedAt = $root.google.protobuf.Timestamp.toObject(message.receivedAt, options, _depth + 1);
                if (message.tenantId != null && $Object.hasOwnProperty.call(message, "tenantId"))
                    object.tenantId = message.tenantId;
                if (message.actor != null && $Object.hasOwnProperty.call(message, "actor"))
                    object.actor = $root.vigil.v1.Actor.toObject(message.actor, options, _depth + 1);
                if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                    object.action = message.action;
                if (message.resource != null && $Object.hasOwnProperty.call(message, "resource"))
                    object.resource = message.resource;
                if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                    object.outcome = options.enums === $String ? $root.vigil.v1.Outcome[message.outcome] === $undefined ? message.outcome : $root.vigil.v1.Outcome[message.outcome] : message.outcome;
                if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                    object.source = message.source;
                var keys2;
                if (message.attributes && (keys2 = $Object.keys(message.attributes)).length) {
                    object.attributes = {};
                    for (var j = 0; j < keys2.length; ++j) {
                        if (keys2[j] === "__proto__")
                            $util.makeProp(object.attributes, keys2[j]);
                        object.attributes[keys2[j]] = message.attributes[keys2[j]];
                    }
                }
                if (message.establishes != null && $Object.hasOwnProperty.call(message, "establishes"))
                    object.establishes = $root.vigil.v1.Establishes.toObject(message.establishes, options, _depth + 1);
                return object;
            };

            /**
             * Converts this AccessEvent to JSON.
             * @function toJSON
             * @memberof vigil.v1.AccessEvent
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AccessEvent.prototype.toJSON = function() {
                return AccessEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AccessEvent
             * @function getTypeUrl
             * @memberof vigil.v1.AccessEvent
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AccessEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.AccessEvent";
            };

            return AccessEvent;
        })();

        v1.Establishes = (function() {

            /**
             * Properties of an Establishes.
             * @typedef {Object} vigil.v1.Establishes.$Properties
             * @property {boolean|null} [knownAttributes] Establishes knownAttributes
             * @property {boolean|null} [failedAuthentication] Establishes failedAuthentication
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Establishes.
             * @memberof vigil.v1
             * @interface IEstablishes
             * @augments vigil.v1.Establishes.$Properties
             * @deprecated Use vigil.v1.Establishes.$Properties instead.
             */

            /**
             * Shape of an Establishes.
             * @typedef {vigil.v1.Establishes.$Properties} vigil.v1.Establishes.$Shape
             */

            /**
             * Constructs a new Establishes.
             * @memberof vigil.v1
             * @classdesc Represents an Establishes.
             * @constructor
             * @param {vigil.v1.Establishes.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Establishes = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Establishes knownAttributes.
             * @member {boolean} knownAttributes
             * @memberof vigil.v1.Establishes
             * @instance
             */
            Establishes.prototype.knownAttributes = false;

            /**
             * Establishes failedAuthentication.
             * @member {boolean} failedAuthentication
             * @memberof vigil.v1.Establishes
             * @instance
             */
            Establishes.prototype.failedAuthentication = false;

            /**
             * Creates a new Establishes instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Establishes
             * @static
             * @param {vigil.v1.Establishes.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Establishes} Establishes instance
             * @type {{
             *   (properties: vigil.v1.Establishes.$Shape): vigil.v1.Establishes & vigil.v1.Establishes.$Shape;
             *   (properties?: vigil.v1.Establishes.$Properties): vigil.v1.Establishes;
             * }}
             */
            Establishes.create = function(properties) {
                return new Establishes(properties);
            };

            /**
             * Encodes the specified Establishes message. Does not implicitly {@link vigil.v1.Establishes.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Establishes
             * @static
             * @param {vigil.v1.Establishes.$Properties} message Establishes message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Establishes.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.knownAttributes != null && $Object.hasOwnProperty.call(message, "knownAttributes") && message.knownAttributes !== false)
                    writer.uint32(/* id 1, wireType 0 =*/8).bool(message.knownAttributes);
                if (message.failedAuthentication != null && $Object.hasOwnProperty.call(message, "failedAuthentication") && message.failedAuthentication !== false)
                    writer.uint32(/* id 2, wireType 0 =*/16).bool(message.failedAuthentication);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Establishes message, length delimited. Does not implicitly {@link vigil.v1.Establishes.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Establishes
             * @static
             * @param {vigil.v1.Establishes.$Properties} message Establishes message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Establishes.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Establishes message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Establishes
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Establishes & vigil.v1.Establishes.$Shape} Establishes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Establishes.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.Establishes();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.knownAttributes = value;
                            else
                                delete message.knownAttributes;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.failedAuthentication = value;
                            else
                                delete message.failedAuthentication;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Establishes message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Establishes
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Establishes & vigil.v1.Establishes.$Shape} Establishes
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Establishes.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Establishes message.
             * @function verify
             * @memberof vigil.v1.Establishes
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Establishes.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.knownAttributes != null && $Object.hasOwnProperty.call(message, "knownAttributes"))
                    if (typeof message.knownAttributes !== "boolean")
                        return "knownAttributes: boolean expected";
                if (message.failedAuthentication != null && $Object.hasOwnProperty.call(message, "failedAuthentication"))
                    if (typeof message.failedAuthentication !== "boolean")
                        return "failedAuthentication: boolean expected";
                return null;
            };

            /**
             * Creates an Establishes message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Establishes
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Establishes} Establishes
             */
            Establishes.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.Establishes)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.Establishes: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.Establishes();
                if (object.knownAttributes != null)
                    if (object.knownAttributes)
                        message.knownAttributes = $Boolean(object.knownAttributes);
                if (object.failedAuthentication != null)
                    if (object.failedAuthentication)
                        message.failedAuthentication = $Boolean(object.failedAuthentication);
                return message;
            };

            /**
             * Creates a plain object from an Establishes message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Establishes
             * @static
             * @param {vigil.v1.Establishes} message Establishes
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Establishes.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.knownAttributes = false;
                    object.failedAuthentication = false;
                }
                if (message.knownAttributes != null && $Object.hasOwnProperty.call(message, "knownAttributes"))
                    object.knownAttributes = message.knownAttributes;
                if (message.failedAuthentication != null && $Object.hasOwnProperty.call(message, "failedAuthentication"))
                    object.failedAuthentication = message.failedAuthentication;
                return object;
            };

            /**
             * Converts this Establishes to JSON.
             * @function toJSON
             * @memberof vigil.v1.Establishes
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Establishes.prototype.toJSON = function() {
                return Establishes.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Establishes
             * @function getTypeUrl
             * @memberof vigil.v1.Establishes
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Establishes.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Establishes";
            };

            return Establishes;
        })();

        v1.Actor = (function() {

            /**
             * Properties of an Actor.
             * @typedef {Object} vigil.v1.Actor.$Properties
             * @property {string|null} [userId] Actor userId
             * @property {string|null} [sessionId] Actor sessionId
             * @property {string|null} [deviceId] Actor deviceId
             * @property {string|null} [ip] Actor ip
             * @property {string|null} [userAgent] Actor userAgent
             * @property {vigil.v1.Geo.$Properties|null} [geo] Actor geo
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Actor.
             * @memberof vigil.v1
             * @interface IActor
             * @augments vigil.v1.Actor.$Properties
             * @deprecated Use vigil.v1.Actor.$Properties instead.
             */

            /**
             * Shape of an Actor.
             * @typedef {vigil.v1.Actor.$Properties} vigil.v1.Actor.$Shape
             */

            /**
             * Constructs a new Actor.
             * @memberof vigil.v1
             * @classdesc Represents an Actor.
             * @constructor
             * @param {vigil.v1.Actor.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Actor = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Actor userId.
             * @member {string} userId
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.userId = "";

            /**
             * Actor sessionId.
             * @member {string} sessionId
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.sessionId = "";

            /**
             * Actor deviceId.
             * @member {string} deviceId
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.deviceId = "";

            /**
             * Actor ip.
             * @member {string} ip
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.ip = "";

            /**
             * Actor userAgent.
             * @member {string} userAgent
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.userAgent = "";

            /**
             * Actor geo.
             * @member {vigil.v1.Geo.$Properties|null|undefined} geo
             * @memberof vigil.v1.Actor
             * @instance
             */
            Actor.prototype.geo = null;

            /**
             * Creates a new Actor instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Actor
             * @static
             * @param {vigil.v1.Actor.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Actor} Actor instance
             * @type {{
             *   (properties: vigil.v1.Actor.$Shape): vigil.v1.Actor & vigil.v1.Actor.$Shape;
             *   (properties?: vigil.v1.Actor.$Properties): vigil.v1.Actor;
             * }}
             */
            Actor.create = function(properties) {
                return new Actor(properties);
            };

            /**
             * Encodes the specified Actor message. Does not implicitly {@link vigil.v1.Actor.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Actor
             * @static
             * @param {vigil.v1.Actor.$Properties} message Actor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Actor.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.userId);
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId") && message.sessionId !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.sessionId);
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                    writer.uint32(/* id 3, wireType 2 =*/26).string(message.deviceId);
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip") && message.ip !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.ip);
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent") && message.userAgent !== "")
                    writer.uint32(/* id 5, wireType 2 =*/42).string(message.userAgent);
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo"))
                    $root.vigil.v1.Geo.encode(message.geo, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Actor message, length delimited. Does not implicitly {@link vigil.v1.Actor.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Actor
             * @static
             * @param {vigil.v1.Actor.$Properties} message Actor message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Actor.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Actor message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Actor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Actor & vigil.v1.Actor.$Shape} Actor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Actor.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.Actor();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.sessionId = value;
                            else
                                delete message.sessionId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.ip = value;
                            else
                                delete message.ip;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userAgent = value;
                            else
                                delete message.userAgent;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.geo = $root.vigil.v1.Geo.decode(reader, reader.size(), $undefined, _depth + 1, message.geo);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes an Actor message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Actor
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Actor & vigil.v1.Actor.$Shape} Actor
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Actor.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Actor message.
             * @function verify
             * @memberof vigil.v1.Actor
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Actor.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    if (!$util.isString(message.userId))
                        return "userId: string expected";
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    if (!$util.isString(message.sessionId))
                        return "sessionId: string expected";
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    if (!$util.isString(message.deviceId))
                        return "deviceId: string expected";
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    if (!$util.isString(message.ip))
                        return "ip: string expected";
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent"))
                    if (!$util.isString(message.userAgent))
                        return "userAgent: string expected";
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo")) {
                    var error = $root.vigil.v1.Geo.verify(message.geo, _depth + 1);
                    if (error)
                        return "geo." + error;
                }
                return null;
            };

            /**
             * Creates an Actor message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Actor
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Actor} Actor
             */
            Actor.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.Actor)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.Actor: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.Actor();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.sessionId != null)
                    if (typeof object.sessionId !== "string" || object.sessionId.length)
                        message.sessionId = $String(object.sessionId);
                if (object.deviceId != null)
                    if (typeof object.deviceId !== "string" || object.deviceId.length)
                        message.deviceId = $String(object.deviceId);
                if (object.ip != null)
                    if (typeof object.ip !== "string" || object.ip.length)
                        message.ip = $String(object.ip);
                if (object.userAgent != null)
                    if (typeof object.userAgent !== "string" || object.userAgent.length)
                        message.userAgent = $String(object.userAgent);
                if (object.geo != null) {
                    if (!$util.isObject(object.geo))
                        throw $TypeError(".vigil.v1.Actor.geo: object expected");
                    message.geo = $root.vigil.v1.Geo.fromObject(object.geo, _depth + 1);
                }
                return message;
            };

            /**
             * Creates a plain object from an Actor message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Actor
             * @static
             * @param {vigil.v1.Actor} message Actor
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Actor.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.sessionId = "";
                    object.deviceId = "";
                    object.ip = "";
                    object.userAgent = "";
                    object.geo = null;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.sessionId != null && $Object.hasOwnProperty.call(message, "sessionId"))
                    object.sessionId = message.sessionId;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.ip != null && $Object.hasOwnProperty.call(message, "ip"))
                    object.ip = message.ip;
                if (message.userAgent != null && $Object.hasOwnProperty.call(message, "userAgent"))
                    object.userAgent = message.userAgent;
                if (message.geo != null && $Object.hasOwnProperty.call(message, "geo"))
                    object.geo = $root.vigil.v1.Geo.toObject(message.geo, options, _depth + 1);
                return object;
            };

            /**
             * Converts this Actor to JSON.
             * @function toJSON
             * @memberof vigil.v1.Actor
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Actor.prototype.toJSON = function() {
                return Actor.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Actor
             * @function getTypeUrl
             * @memberof vigil.v1.Actor
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Actor.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Actor";
            };

            return Actor;
        })();

        v1.Geo = (function() {

            /**
             * Properties of a Geo.
             * @typedef {Object} vigil.v1.Geo.$Properties
             * @property {string|null} [countryCode] Geo countryCode
             * @property {number|null} [latitude] Geo latitude
             * @property {number|null} [longitude] Geo longitude
             * @property {boolean|null} [hasPosition] Geo hasPosition
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Geo.
             * @memberof vigil.v1
             * @interface IGeo
             * @augments vigil.v1.Geo.$Properties
             * @deprecated Use vigil.v1.Geo.$Properties instead.
             */

            /**
             * Shape of a Geo.
             * @typedef {vigil.v1.Geo.$Properties} vigil.v1.Geo.$Shape
             */

            /**
             * Constructs a new Geo.
             * @memberof vigil.v1
             * @classdesc Represents a Geo.
             * @constructor
             * @param {vigil.v1.Geo.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Geo = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Geo countryCode.
             * @member {string} countryCode
             * @memberof vigil.v1.Geo
             * @instance
             */
            Geo.prototype.countryCode = "";

            /**
             * Geo latitude.
             * @member {number} latitude
             * @memberof vigil.v1.Geo
             * @instance
             */
            Geo.prototype.latitude = 0;

            /**
             * Geo longitude.
             * @member {number} longitude
             * @memberof vigil.v1.Geo
             * @instance
             */
            Geo.prototype.longitude = 0;

            /**
             * Geo hasPosition.
             * @member {boolean} hasPosition
             * @memberof vigil.v1.Geo
             * @instance
             */
            Geo.prototype.hasPosition = false;

            /**
             * Creates a new Geo instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Geo
             * @static
             * @param {vigil.v1.Geo.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Geo} Geo instance
             * @type {{
             *   (properties: vigil.v1.Geo.$Shape): vigil.v1.Geo & vigil.v1.Geo.$Shape;
             *   (properties?: vigil.v1.Geo.$Properties): vigil.v1.Geo;
             * }}
             */
            Geo.create = function(properties) {
                return new Geo(properties);
            };

            /**
             * Encodes the specified Geo message. Does not implicitly {@link vigil.v1.Geo.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Geo
             * @static
             * @param {vigil.v1.Geo.$Properties} message Geo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Geo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.countryCode != null && $Object.hasOwnProperty.call(message, "countryCode") && message.countryCode !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.countryCode);
                if (message.latitude != null && $Object.hasOwnProperty.call(message, "latitude") && !$Object.is(message.latitude, 0))
                    writer.uint32(/* id 2, wireType 1 =*/17).double(message.latitude);
                if (message.longitude != null && $Object.hasOwnProperty.call(message, "longitude") && !$Object.is(message.longitude, 0))
                    writer.uint32(/* id 3, wireType 1 =*/25).double(message.longitude);
                if (message.hasPosition != null && $Object.hasOwnProperty.call(message, "hasPosition") && message.hasPosition !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.hasPosition);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Geo message, length delimited. Does not implicitly {@link vigil.v1.Geo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Geo
             * @static
             * @param {vigil.v1.Geo.$Properties} message Geo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Geo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Geo message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Geo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.Geo & vigil.v1.Geo.$Shape} Geo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Geo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.Geo();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.countryCode = value;
                            else
                                delete message.countryCode;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.latitude = value;
                            else
                                delete message.latitude;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 1)
                                break;
                            if (!$Object.is(value = reader.double(), 0))
                                message.longitude = value;
                            else
                                delete message.longitude;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.hasPosition = value;
                            else
                                delete message.hasPosition;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Geo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Geo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Geo & vigil.v1.Geo.$Shape} Geo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Geo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Geo message.
             * @function verify
             * @memberof vigil.v1.Geo
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Geo.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.countryCode != null && $Object.hasOwnProperty.call(message, "countryCode"))
                    if (!$util.isString(message.countryCode))
                        return "countryCode: string expected";
                if (message.latitude != null && $Object.hasOwnProperty.call(message, "latitude"))
                    if (typeof message.latitude !== "number")
                        return "latitude: number expected";
                if (message.longitude != null && $Object.hasOwnProperty.call(message, "longitude"))
                    if (typeof message.longitude !== "number")
                        return "longitude: number expected";
                if (message.hasPosition != null && $Object.hasOwnProperty.call(message, "hasPosition"))
                    if (typeof message.hasPosition !== "boolean")
                        return "hasPosition: boolean expected";
                return null;
            };

            /**
             * Creates a Geo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Geo
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.Geo} Geo
             */
            Geo.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.Geo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.Geo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.Geo();
                if (object.countryCode != null)
                    if (typeof object.countryCode !== "string" || object.countryCode.length)
                        message.countryCode = $String(object.countryCode);
                if (object.latitude != null)
                    if (!$Object.is($Number(object.latitude), 0))
                        message.latitude = $Number(object.latitude);
                if (object.longitude != null)
                    if (!$Object.is($Number(object.longitude), 0))
                        message.longitude = $Number(object.longitude);
                if (object.hasPosition != null)
                    if (object.hasPosition)
                        message.hasPosition = $Boolean(object.hasPosition);
                return message;
            };

            /**
             * Creates a plain object from a Geo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Geo
             * @static
             * @param {vigil.v1.Geo} message Geo
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Geo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.countryCode = "";
                    object.latitude = 0;
                    object.longitude = 0;
                    object.hasPosition = false;
                }
                if (message.countryCode != null && $Object.hasOwnProperty.call(message, "countryCode"))
                    object.countryCode = message.countryCode;
                if (message.latitude != null && $Object.hasOwnProperty.call(message, "latitude"))
                    object.latitude = options.json && !$isFinite(message.latitude) ? $String(message.latitude) : message.latitude;
                if (message.longitude != null && $Object.hasOwnProperty.call(message, "longitude"))
                    object.longitude = options.json && !$isFinite(message.longitude) ? $String(message.longitude) : message.longitude;
                if (message.hasPosition != null && $Object.hasOwnProperty.call(message, "hasPosition"))
                    object.hasPosition = message.hasPosition;
                return object;
            };

            /**
             * Converts this Geo to JSON.
             * @function toJSON
             * @memberof vigil.v1.Geo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Geo.prototype.toJSON = function() {
                return Geo.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Geo
             * @function getTypeUrl
             * @memberof vigil.v1.Geo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Geo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Geo";
            };

            return Geo;
        })();

        /**
         * Outcome enum.
         * @name vigil.v1.Outcome
         * @enum {number}
         * @property {number} OUTCOME_UNSPECIFIED=0 OUTCOME_UNSPECIFIED value
         * @property {number} OUTCOME_SUCCESS=1 OUTCOME_SUCCESS value
         * @property {number} OUTCOME_FAILURE=2 OUTCOME_FAILURE value
         * @property {number} OUTCOME_DENIED=3 OUTCOME_DENIED value
         */
        v1.Outcome = (function() {
            var valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "OUTCOME_UNSPECIFIED"] = 0;
            values[valuesById[1] = "OUTCOME_SUCCESS"] = 1;
            values[valuesById[2] = "OUTCOME_FAILURE"] = 2;
            values[valuesById[3] = "OUTCOME_DENIED"] = 3;
            return values;
        })();

        v1.IngestService = (function() {

            /**
             * Constructs a new IngestService service.
             * @memberof vigil.v1
             * @classdesc Represents an IngestService
             * @extends $protobuf.rpc.Service
             * @constructor
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             */
            var IngestService = function(rpcImpl, requestDelimited, responseDelimited) {
                $protobuf.rpc.Service.call(this, rpcImpl, requestDelimited, responseDelimited);
            };

            $Object.defineProperty(IngestService.prototype = $Object.create($protobuf.rpc.Service.prototype), "constructor", { value: IngestService, writable: true, enumerable: false, configurable: true });

            /**
             * Creates new IngestService service using the specified rpc implementation.
             * @function create
             * @memberof vigil.v1.IngestService
             * @static
             * @param {$protobuf.RPCImpl} rpcImpl RPC implementation
             * @param {boolean} [requestDelimited=false] Whether requests are length-delimited
             * @param {boolean} [responseDelimited=false] Whether responses are length-delimited
             * @returns {IngestService} RPC service. Useful where requests and/or responses are streamed.
             */
            IngestService.create = function(rpcImpl, requestDelimited, responseDelimited) {
                return new this(rpcImpl, requestDelimited, responseDelimited);
            };

            /**
             * Callback as used by {@link vigil.v1.IngestService#publish}.
             * @memberof vigil.v1.IngestService
             * @typedef PublishCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.PublishReceipt} [response] PublishReceipt
             */

            /**
             * Calls Publish.
             * @memberof vigil.v1.IngestService
             * @typedef Publish
             * @type {{
             *   (request: vigil.v1.IAccessEvent, callback: vigil.v1.IngestService.PublishCallback): void;
             *   (request: vigil.v1.IAccessEvent): Promise<vigil.v1.PublishReceipt>;
             *   readonly name: "Publish";
             *   readonly path: "/vigil.v1.IngestService/Publish";
             *   readonly requestType: "AccessEvent";
             *   readonly responseType: "PublishReceipt";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls Publish.
             * @name vigil.v1.IngestService#publish
             * @type {vigil.v1.IngestService.Publish}
             */
            $Object.defineProperties(IngestService.prototype.publish = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, IngestService.prototype.publish, $root.vigil.v1.AccessEvent, $root.vigil.v1.PublishReceipt, request, callback);
            }, {
                name: { value: "Publish" },
                path: { value: "/vigil.v1.IngestService/Publish" },
                requestType: { value: "AccessEvent" },
                responseType: { value: "PublishReceipt" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            /**
             * Callback as used by {@link vigil.v1.IngestService#publishBatch}.
             * @memberof vigil.v1.IngestService
             * @typedef PublishBatchCallback
             * @type {function}
             * @param {Error|null} error Error, if any
             * @param {vigil.v1.PublishBatchResponse} [response] PublishBatchResponse
             */

            /**
             * Calls PublishBatch.
             * @memberof vigil.v1.IngestService
             * @typedef PublishBatch
             * @type {{
             *   (request: vigil.v1.IPublishBatchRequest, callback: vigil.v1.IngestService.PublishBatchCallback): void;
             *   (request: vigil.v1.IPublishBatchRequest): Promise<vigil.v1.PublishBatchResponse>;
             *   readonly name: "PublishBatch";
             *   readonly path: "/vigil.v1.IngestService/PublishBatch";
             *   readonly requestType: "PublishBatchRequest";
             *   readonly responseType: "PublishBatchResponse";
             *   readonly requestStream: undefined;
             *   readonly responseStream: undefined;
             * }}
             */

            /**
             * Calls PublishBatch.
             * @name vigil.v1.IngestService#publishBatch
             * @type {vigil.v1.IngestService.PublishBatch}
             */
            $Object.defineProperties(IngestService.prototype.publishBatch = function(request, callback) {
                return $protobuf.rpc.Service.prototype.rpcCall.call(this, IngestService.prototype.publishBatch, $root.vigil.v1.PublishBatchRequest, $root.vigil.v1.PublishBatchResponse, request, callback);
            }, {
                name: { value: "PublishBatch" },
                path: { value: "/vigil.v1.IngestService/PublishBatch" },
                requestType: { value: "PublishBatchRequest" },
                responseType: { value: "PublishBatchResponse" },
                requestStream: { value: $undefined },
                responseStream: { value: $undefined }
            });

            return IngestService;
        })();

        v1.PublishBatchRequest = (function() {

            /**
             * Properties of a PublishBatchRequest.
             * @typedef {Object} vigil.v1.PublishBatchRequest.$Properties
             * @property {Array.<vigil.v1.AccessEvent.$Properties>|null} [events] PublishBatchRequest events
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PublishBatchRequest.
             * @memberof vigil.v1
             * @interface IPublishBatchRequest
             * @augments vigil.v1.PublishBatchRequest.$Properties
             * @deprecated Use vigil.v1.PublishBatchRequest.$Properties instead.
             */

            /**
             * Shape of a PublishBatchRequest.
             * @typedef {vigil.v1.PublishBatchRequest.$Properties} vigil.v1.PublishBatchRequest.$Shape
             */

            /**
             * Constructs a new PublishBatchRequest.
             * @memberof vigil.v1
             * @classdesc Represents a PublishBatchRequest.
             * @constructor
             * @param {vigil.v1.PublishBatchRequest.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PublishBatchRequest = function (properties) {
                this.events = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PublishBatchRequest events.
             * @member {Array.<vigil.v1.AccessEvent.$Properties>} events
             * @memberof vigil.v1.PublishBatchRequest
             * @instance
             */
            PublishBatchRequest.prototype.events = $util.emptyArray;

            /**
             * Creates a new PublishBatchRequest instance using the specified properties.
             * @function create
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {vigil.v1.PublishBatchRequest.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.PublishBatchRequest} PublishBatchRequest instance
             * @type {{
             *   (properties: vigil.v1.PublishBatchRequest.$Shape): vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape;
             *   (properties?: vigil.v1.PublishBatchRequest.$Properties): vigil.v1.PublishBatchRequest;
             * }}
             */
            PublishBatchRequest.create = function(properties) {
                return new PublishBatchRequest(properties);
            };

            /**
             * Encodes the specified PublishBatchRequest message. Does not implicitly {@link vigil.v1.PublishBatchRequest.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {vigil.v1.PublishBatchRequest.$Properties} message PublishBatchRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishBatchRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.events != null && message.events.length)
                    for (var i = 0; i < message.events.length; ++i)
                        $root.vigil.v1.AccessEvent.encode(message.events[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PublishBatchRequest message, length delimited. Does not implicitly {@link vigil.v1.PublishBatchRequest.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {vigil.v1.PublishBatchRequest.$Properties} message PublishBatchRequest message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishBatchRequest.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PublishBatchRequest message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape} PublishBatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishBatchRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.PublishBatchRequest();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.events && message.events.length))
                                message.events = [];
                            message.events.push($root.vigil.v1.AccessEvent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PublishBatchRequest message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishBatchRequest & vigil.v1.PublishBatchRequest.$Shape} PublishBatchRequest
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishBatchRequest.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PublishBatchRequest message.
             * @function verify
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PublishBatchRequest.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.events != null && $Object.hasOwnProperty.call(message, "events")) {
                    if (!$Array.isArray(message.events))
                        return "events: array expected";
                    for (var i = 0; i < message.events.length; ++i) {
                        var error = $root.vigil.v1.AccessEvent.verify(message.events[i], _depth + 1);
                        if (error)
                            return "events." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a PublishBatchRequest message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.PublishBatchRequest} PublishBatchRequest
             */
            PublishBatchRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.PublishBatchRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.PublishBatchRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.PublishBatchRequest();
                if (object.events) {
                    if (!$Array.isArray(object.events))
                        throw $TypeError(".vigil.v1.PublishBatchRequest.events: array expected");
                    message.events = $Array(object.events.length);
                    for (var i = 0; i < object.events.length; ++i) {
                        if (!$util.isObject(object.events[i]))
                            throw $TypeError(".vigil.v1.PublishBatchRequest.events: object expected");
                        message.events[i] = $root.vigil.v1.AccessEvent.fromObject(object.events[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a PublishBatchRequest message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {vigil.v1.PublishBatchRequest} message PublishBatchRequest
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PublishBatchRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.events = [];
                if (message.events && message.events.length) {
                    object.events = $Array(message.events.length);
                    for (var j = 0; j < message.events.length; ++j)
                        object.events[j] = $root.vigil.v1.AccessEvent.toObject(message.events[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this PublishBatchRequest to JSON.
             * @function toJSON
             * @memberof vigil.v1.PublishBatchRequest
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PublishBatchRequest.prototype.toJSON = function() {
                return PublishBatchRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PublishBatchRequest
             * @function getTypeUrl
             * @memberof vigil.v1.PublishBatchRequest
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PublishBatchRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.PublishBatchRequest";
            };

            return PublishBatchRequest;
        })();

        v1.PublishBatchResponse = (function() {

            /**
             * Properties of a PublishBatchResponse.
             * @typedef {Object} vigil.v1.PublishBatchResponse.$Properties
             * @property {Array.<vigil.v1.PublishReceipt.$Properties>|null} [receipts] PublishBatchResponse receipts
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PublishBatchResponse.
             * @memberof vigil.v1
             * @interface IPublishBatchResponse
             * @augments vigil.v1.PublishBatchResponse.$Properties
             * @deprecated Use vigil.v1.PublishBatchResponse.$Properties instead.
             */

            /**
             * Shape of a PublishBatchResponse.
             * @typedef {vigil.v1.PublishBatchResponse.$Properties} vigil.v1.PublishBatchResponse.$Shape
             */

            /**
             * Constructs a new PublishBatchResponse.
             * @memberof vigil.v1
             * @classdesc Represents a PublishBatchResponse.
             * @constructor
             * @param {vigil.v1.PublishBatchResponse.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PublishBatchResponse = function (properties) {
                this.receipts = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PublishBatchResponse receipts.
             * @member {Array.<vigil.v1.PublishReceipt.$Properties>} receipts
             * @memberof vigil.v1.PublishBatchResponse
             * @instance
             */
            PublishBatchResponse.prototype.receipts = $util.emptyArray;

            /**
             * Creates a new PublishBatchResponse instance using the specified properties.
             * @function create
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {vigil.v1.PublishBatchResponse.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.PublishBatchResponse} PublishBatchResponse instance
             * @type {{
             *   (properties: vigil.v1.PublishBatchResponse.$Shape): vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape;
             *   (properties?: vigil.v1.PublishBatchResponse.$Properties): vigil.v1.PublishBatchResponse;
             * }}
             */
            PublishBatchResponse.create = function(properties) {
                return new PublishBatchResponse(properties);
            };

            /**
             * Encodes the specified PublishBatchResponse message. Does not implicitly {@link vigil.v1.PublishBatchResponse.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {vigil.v1.PublishBatchResponse.$Properties} message PublishBatchResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishBatchResponse.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.receipts != null && message.receipts.length)
                    for (var i = 0; i < message.receipts.length; ++i)
                        $root.vigil.v1.PublishReceipt.encode(message.receipts[i], writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PublishBatchResponse message, length delimited. Does not implicitly {@link vigil.v1.PublishBatchResponse.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {vigil.v1.PublishBatchResponse.$Properties} message PublishBatchResponse message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishBatchResponse.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PublishBatchResponse message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape} PublishBatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishBatchResponse.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.PublishBatchResponse();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.receipts && message.receipts.length))
                                message.receipts = [];
                            message.receipts.push($root.vigil.v1.PublishReceipt.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PublishBatchResponse message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishBatchResponse & vigil.v1.PublishBatchResponse.$Shape} PublishBatchResponse
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishBatchResponse.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PublishBatchResponse message.
             * @function verify
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PublishBatchResponse.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.receipts != null && $Object.hasOwnProperty.call(message, "receipts")) {
                    if (!$Array.isArray(message.receipts))
                        return "receipts: array expected";
                    for (var i = 0; i < message.receipts.length; ++i) {
                        var error = $root.vigil.v1.PublishReceipt.verify(message.receipts[i], _depth + 1);
                        if (error)
                            return "receipts." + error;
                    }
                }
                return null;
            };

            /**
             * Creates a PublishBatchResponse message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.PublishBatchResponse} PublishBatchResponse
             */
            PublishBatchResponse.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.PublishBatchResponse)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.PublishBatchResponse: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.PublishBatchResponse();
                if (object.receipts) {
                    if (!$Array.isArray(object.receipts))
                        throw $TypeError(".vigil.v1.PublishBatchResponse.receipts: array expected");
                    message.receipts = $Array(object.receipts.length);
                    for (var i = 0; i < object.receipts.length; ++i) {
                        if (!$util.isObject(object.receipts[i]))
                            throw $TypeError(".vigil.v1.PublishBatchResponse.receipts: object expected");
                        message.receipts[i] = $root.vigil.v1.PublishReceipt.fromObject(object.receipts[i], _depth + 1);
                    }
                }
                return message;
            };

            /**
             * Creates a plain object from a PublishBatchResponse message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {vigil.v1.PublishBatchResponse} message PublishBatchResponse
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PublishBatchResponse.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.receipts = [];
                if (message.receipts && message.receipts.length) {
                    object.receipts = $Array(message.receipts.length);
                    for (var j = 0; j < message.receipts.length; ++j)
                        object.receipts[j] = $root.vigil.v1.PublishReceipt.toObject(message.receipts[j], options, _depth + 1);
                }
                return object;
            };

            /**
             * Converts this PublishBatchResponse to JSON.
             * @function toJSON
             * @memberof vigil.v1.PublishBatchResponse
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PublishBatchResponse.prototype.toJSON = function() {
                return PublishBatchResponse.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PublishBatchResponse
             * @function getTypeUrl
             * @memberof vigil.v1.PublishBatchResponse
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PublishBatchResponse.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.PublishBatchResponse";
            };

            return PublishBatchResponse;
        })();

        v1.PublishReceipt = (function() {

            /**
             * Properties of a PublishReceipt.
             * @typedef {Object} vigil.v1.PublishReceipt.$Properties
             * @property {string|null} [eventId] PublishReceipt eventId
             * @property {string|null} [topic] PublishReceipt topic
             * @property {number|null} [partition] PublishReceipt partition
             * @property {number|null} [offset] PublishReceipt offset
             * @property {boolean|null} [duplicate] PublishReceipt duplicate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a PublishReceipt.
             * @memberof vigil.v1
             * @interface IPublishReceipt
             * @augments vigil.v1.PublishReceipt.$Properties
             * @deprecated Use vigil.v1.PublishReceipt.$Properties instead.
             */

            /**
             * Shape of a PublishReceipt.
             * @typedef {vigil.v1.PublishReceipt.$Properties} vigil.v1.PublishReceipt.$Shape
             */

            /**
             * Constructs a new PublishReceipt.
             * @memberof vigil.v1
             * @classdesc Represents a PublishReceipt.
             * @constructor
             * @param {vigil.v1.PublishReceipt.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var PublishReceipt = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * PublishReceipt eventId.
             * @member {string} eventId
             * @memberof vigil.v1.PublishReceipt
             * @instance
             */
            PublishReceipt.prototype.eventId = "";

            /**
             * PublishReceipt topic.
             * @member {string} topic
             * @memberof vigil.v1.PublishReceipt
             * @instance
             */
            PublishReceipt.prototype.topic = "";

            /**
             * PublishReceipt partition.
             * @member {number} partition
             * @memberof vigil.v1.PublishReceipt
             * @instance
             */
            PublishReceipt.prototype.partition = 0;

            /**
             * PublishReceipt offset.
             * @member {number} offset
             * @memberof vigil.v1.PublishReceipt
             * @instance
             */
            PublishReceipt.prototype.offset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * PublishReceipt duplicate.
             * @member {boolean} duplicate
             * @memberof vigil.v1.PublishReceipt
             * @instance
             */
            PublishReceipt.prototype.duplicate = false;

            /**
             * Creates a new PublishReceipt instance using the specified properties.
             * @function create
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {vigil.v1.PublishReceipt.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.PublishReceipt} PublishReceipt instance
             * @type {{
             *   (properties: vigil.v1.PublishReceipt.$Shape): vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape;
             *   (properties?: vigil.v1.PublishReceipt.$Properties): vigil.v1.PublishReceipt;
             * }}
             */
            PublishReceipt.create = function(properties) {
                return new PublishReceipt(properties);
            };

            /**
             * Encodes the specified PublishReceipt message. Does not implicitly {@link vigil.v1.PublishReceipt.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {vigil.v1.PublishReceipt.$Properties} message PublishReceipt message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishReceipt.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId") && message.eventId !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.eventId);
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.topic);
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.partition);
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && (typeof message.offset === "object" ? message.offset.low || message.offset.high : message.offset !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.offset);
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate") && message.duplicate !== false)
                    writer.uint32(/* id 5, wireType 0 =*/40).bool(message.duplicate);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified PublishReceipt message, length delimited. Does not implicitly {@link vigil.v1.PublishReceipt.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {vigil.v1.PublishReceipt.$Properties} message PublishReceipt message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            PublishReceipt.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a PublishReceipt message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape} PublishReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishReceipt.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.PublishReceipt();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.eventId = value;
                            else
                                delete message.eventId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.topic = value;
                            else
                                delete message.topic;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.partition = value;
                            else
                                delete message.partition;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.offset = value;
                            else
                                delete message.offset;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.duplicate = value;
                            else
                                delete message.duplicate;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a PublishReceipt message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.PublishReceipt & vigil.v1.PublishReceipt.$Shape} PublishReceipt
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            PublishReceipt.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a PublishReceipt message.
             * @function verify
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            PublishReceipt.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    if (!$util.isString(message.eventId))
                        return "eventId: string expected";
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    if (!$util.isString(message.topic))
                        return "topic: string expected";
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    if (!$util.isInteger(message.offset) && !(message.offset && $util.isInteger(message.offset.low) && $util.isInteger(message.offset.high)))
                        return "offset: integer|Long expected";
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate"))
                    if (typeof message.duplicate !== "boolean")
                        return "duplicate: boolean expected";
                return null;
            };

            /**
             * Creates a PublishReceipt message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.PublishReceipt} PublishReceipt
             */
            PublishReceipt.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.PublishReceipt)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.PublishReceipt: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.PublishReceipt();
                if (object.eventId != null)
                    if (typeof object.eventId !== "string" || object.eventId.length)
                        message.eventId = $String(object.eventId);
                if (object.topic != null)
                    if (typeof object.topic !== "string" || object.topic.length)
                        message.topic = $String(object.topic);
                if (object.partition != null)
                    if ($Number(object.partition) !== 0)
                        message.partition = object.partition | 0;
                if (object.offset != null)
                    if (typeof object.offset === "object" ? object.offset.low || object.offset.high : $Number(object.offset) !== 0)
                        if ($util.Long)
                            message.offset = $util.Long.fromValue(object.offset, false);
                        else if (typeof object.offset === "string")
                            message.offset = $parseInt(object.offset, 10);
                        else if (typeof object.offset === "number")
                            message.offset = object.offset;
                        else if (typeof object.offset === "object")
                            message.offset = new $util.LongBits(object.offset.low >>> 0, object.offset.high >>> 0).toNumber();
                if (object.duplicate != null)
                    if (object.duplicate)
                        message.duplicate = $Boolean(object.duplicate);
                return message;
            };

            /**
             * Creates a plain object from a PublishReceipt message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {vigil.v1.PublishReceipt} message PublishReceipt
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            PublishReceipt.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    object.eventId = "";
                    object.topic = "";
                    object.partition = 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.offset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.offset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.duplicate = false;
                }
                if (message.eventId != null && $Object.hasOwnProperty.call(message, "eventId"))
                    object.eventId = message.eventId;
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    object.topic = message.topic;
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition"))
                    object.partition = message.partition;
                if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.offset = typeof message.offset === "number" ? $BigInt(message.offset) : $util.Long.fromBits(message.offset.low >>> 0, message.offset.high >>> 0, false).toBigInt();
                    else if (typeof message.offset === "number")
                        object.offset = options.longs === $String ? $String(message.offset) : message.offset;
                    else
                        object.offset = options.longs === $String ? $util.Long.prototype.toString.call(message.offset) : options.longs === $Number ? new $util.LongBits(message.offset.low >>> 0, message.offset.high >>> 0).toNumber() : message.offset;
                if (message.duplicate != null && $Object.hasOwnProperty.call(message, "duplicate"))
                    object.duplicate = message.duplicate;
                return object;
            };

            /**
             * Converts this PublishReceipt to JSON.
             * @function toJSON
             * @memberof vigil.v1.PublishReceipt
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            PublishReceipt.prototype.toJSON = function() {
                return PublishReceipt.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for PublishReceipt
             * @function getTypeUrl
             * @memberof vigil.v1.PublishReceipt
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            PublishReceipt.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.PublishReceipt";
            };

            return PublishReceipt;
        })();

        v1.SealedRoot = (function() {

            /**
             * Properties of a SealedRoot.
             * @typedef {Object} vigil.v1.SealedRoot.$Properties
             * @property {number|null} [version] SealedRoot version
             * @property {string|null} [topic] SealedRoot topic
             * @property {number|null} [partition] SealedRoot partition
             * @property {number|null} [batchSequence] SealedRoot batchSequence
             * @property {number|null} [firstOffset] SealedRoot firstOffset
             * @property {number|null} [lastOffset] SealedRoot lastOffset
             * @property {number|null} [leafCount] SealedRoot leafCount
             * @property {Uint8Array|null} [rootHash] SealedRoot rootHash
             * @property {Uint8Array|null} [prevRootHash] SealedRoot prevRootHash
             * @property {google.protobuf.Timestamp.$Properties|null} [sealedAt] SealedRoot sealedAt
             * @property {string|null} [keyId] SealedRoot keyId
             * @property {Uint8Array|null} [signature] SealedRoot signature
             * @property {number|null} [treeSize] SealedRoot treeSize
             * @property {Uint8Array|null} [treeRoot] SealedRoot treeRoot
             * @property {Array.<Uint8Array>|null} [treeFrontier] SealedRoot treeFrontier
             * @property {string|null} [checkpoint] SealedRoot checkpoint
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a SealedRoot.
             * @memberof vigil.v1
             * @interface ISealedRoot
             * @augments vigil.v1.SealedRoot.$Properties
             * @deprecated Use vigil.v1.SealedRoot.$Properties instead.
             */

            /**
             * Shape of a SealedRoot.
             * @typedef {vigil.v1.SealedRoot.$Properties} vigil.v1.SealedRoot.$Shape
             */

            /**
             * Constructs a new SealedRoot.
             * @memberof vigil.v1
             * @classdesc Represents a SealedRoot.
             * @constructor
             * @param {vigil.v1.SealedRoot.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var SealedRoot = function (properties) {
                this.treeFrontier = [];
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * SealedRoot version.
             * @member {number} version
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.version = 0;

            /**
             * SealedRoot topic.
             * @member {string} topic
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.topic = "";

            /**
             * SealedRoot partition.
             * @member {number} partition
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.partition = 0;

            /**
             * SealedRoot batchSequence.
             * @member {number} batchSequence
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.batchSequence = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SealedRoot firstOffset.
             * @member {number} firstOffset
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.firstOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SealedRoot lastOffset.
             * @member {number} lastOffset
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.lastOffset = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SealedRoot leafCount.
             * @member {number} leafCount
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.leafCount = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SealedRoot rootHash.
             * @member {Uint8Array} rootHash
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.rootHash = $util.newBuffer([]);

            /**
             * SealedRoot prevRootHash.
             * @member {Uint8Array} prevRootHash
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.prevRootHash = $util.newBuffer([]);

            /**
             * SealedRoot sealedAt.
             * @member {google.protobuf.Timestamp.$Properties|null|undefined} sealedAt
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.sealedAt = null;

            /**
             * SealedRoot keyId.
             * @member {string} keyId
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.keyId = "";

            /**
             * SealedRoot signature.
             * @member {Uint8Array} signature
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.signature = $util.newBuffer([]);

            /**
             * SealedRoot treeSize.
             * @member {number} treeSize
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.treeSize = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * SealedRoot treeRoot.
             * @member {Uint8Array} treeRoot
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.treeRoot = $util.newBuffer([]);

            /**
             * SealedRoot treeFrontier.
             * @member {Array.<Uint8Array>} treeFrontier
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.treeFrontier = $util.emptyArray;

            /**
             * SealedRoot checkpoint.
             * @member {string} checkpoint
             * @memberof vigil.v1.SealedRoot
             * @instance
             */
            SealedRoot.prototype.checkpoint = "";

            /**
             * Creates a new SealedRoot instance using the specified properties.
             * @function create
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {vigil.v1.SealedRoot.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.SealedRoot} SealedRoot instance
             * @type {{
             *   (properties: vigil.v1.SealedRoot.$Shape): vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape;
             *   (properties?: vigil.v1.SealedRoot.$Properties): vigil.v1.SealedRoot;
             * }}
             */
            SealedRoot.create = function(properties) {
                return new SealedRoot(properties);
            };

            /**
             * Encodes the specified SealedRoot message. Does not implicitly {@link vigil.v1.SealedRoot.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {vigil.v1.SealedRoot.$Properties} message SealedRoot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SealedRoot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.version);
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic") && message.topic !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.topic);
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition") && message.partition !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.partition);
                if (message.batchSequence != null && $Object.hasOwnProperty.call(message, "batchSequence") && (typeof message.batchSequence === "object" ? message.batchSequence.low || message.batchSequence.high : message.batchSequence !== 0))
                    writer.uint32(/* id 4, wireType 0 =*/32).int64(message.batchSequence);
                if (message.firstOffset != null && $Object.hasOwnProperty.call(message, "firstOffset") && (typeof message.firstOffset === "object" ? message.firstOffset.low || message.firstOffset.high : message.firstOffset !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).int64(message.firstOffset);
                if (message.lastOffset != null && $Object.hasOwnProperty.call(message, "lastOffset") && (typeof message.lastOffset === "object" ? message.lastOffset.low || message.lastOffset.high : message.lastOffset !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).int64(message.lastOffset);
                if (message.leafCount != null && $Object.hasOwnProperty.call(message, "leafCount") && (typeof message.leafCount === "object" ? message.leafCount.low || message.leafCount.high : message.leafCount !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).int64(message.leafCount);
                if (message.rootHash != null && $Object.hasOwnProperty.call(message, "rootHash") && message.rootHash.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.rootHash);
                if (message.prevRootHash != null && $Object.hasOwnProperty.call(message, "prevRootHash") && message.prevRootHash.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).bytes(message.prevRootHash);
                if (message.sealedAt != null && $Object.hasOwnProperty.call(message, "sealedAt"))
                    $root.google.protobuf.Timestamp.encode(message.sealedAt, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== "")
                    writer.uint32(/* id 11, wireType 2 =*/90).string(message.keyId);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).bytes(message.signature);
                if (message.treeSize != null && $Object.hasOwnProperty.call(message, "treeSize") && (typeof message.treeSize === "object" ? message.treeSize.low || message.treeSize.high : message.treeSize !== 0))
                    writer.uint32(/* id 13, wireType 0 =*/104).int64(message.treeSize);
                if (message.treeRoot != null && $Object.hasOwnProperty.call(message, "treeRoot") && message.treeRoot.length)
                    writer.uint32(/* id 14, wireType 2 =*/114).bytes(message.treeRoot);
                if (message.treeFrontier != null && message.treeFrontier.length)
                    for (var i = 0; i < message.treeFrontier.length; ++i)
                        writer.uint32(/* id 15, wireType 2 =*/122).bytes(message.treeFrontier[i]);
                if (message.checkpoint != null && $Object.hasOwnProperty.call(message, "checkpoint") && message.checkpoint !== "")
                    writer.uint32(/* id 16, wireType 2 =*/130).string(message.checkpoint);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified SealedRoot message, length delimited. Does not implicitly {@link vigil.v1.SealedRoot.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {vigil.v1.SealedRoot.$Properties} message SealedRoot message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            SealedRoot.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a SealedRoot message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape} SealedRoot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SealedRoot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.vigil.v1.SealedRoot();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.topic = value;
                            else
                                delete message.topic;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.partition = value;
                            else
                                delete message.partition;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.batchSequence = value;
                            else
                                delete message.batchSequence;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.firstOffset = value;
                            else
                                delete message.firstOffset;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastOffset = value;
                            else
                                delete message.lastOffset;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.leafCount = value;
                            else
                                delete message.leafCount;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.rootHash = value;
                            else
                                delete message.rootHash;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.prevRootHash = value;
                            else
                                delete message.prevRootHash;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.sealedAt = $root.google.protobuf.Timestamp.decode(reader, reader.size(), $undefined, _depth + 1, message.sealedAt);
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.treeSize = value;
                            else
                                delete message.treeSize;
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.treeRoot = value;
                            else
                                delete message.treeRoot;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if (!(message.treeFrontier && message.treeFrontier.length))
                                message.treeFrontier = [];
                            message.treeFrontier.push(reader.bytes());
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.checkpoint = value;
                            else
                                delete message.checkpoint;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a SealedRoot message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.SealedRoot & vigil.v1.SealedRoot.$Shape} SealedRoot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            SealedRoot.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a SealedRoot message.
             * @function verify
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            SealedRoot.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (!$util.isInteger(message.version))
                        return "version: integer expected";
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    if (!$util.isString(message.topic))
                        return "topic: string expected";
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition"))
                    if (!$util.isInteger(message.partition))
                        return "partition: integer expected";
                if (message.batchSequence != null && $Object.hasOwnProperty.call(message, "batchSequence"))
                    if (!$util.isInteger(message.batchSequence) && !(message.batchSequence && $util.isInteger(message.batchSequence.low) && $util.isInteger(message.batchSequence.high)))
                        return "batchSequence: integer|Long expected";
                if (message.firstOffset != null && $Object.hasOwnProperty.call(message, "firstOffset"))
                    if (!$util.isInteger(message.firstOffset) && !(message.firstOffset && $util.isInteger(message.firstOffset.low) && $util.isInteger(message.firstOffset.high)))
                        return "firstOffset: integer|Long expected";
                if (message.lastOffset != null && $Object.hasOwnProperty.call(message, "lastOffset"))
                    if (!$util.isInteger(message.lastOffset) && !(message.lastOffset && $util.isInteger(message.lastOffset.low) && $util.isInteger(message.lastOffset.high)))
                        return "lastOffset: integer|Long expected";
                if (message.leafCount != null && $Object.hasOwnProperty.call(message, "leafCount"))
                    if (!$util.isInteger(message.leafCount) && !(message.leafCount && $util.isInteger(message.leafCount.low) && $util.isInteger(message.leafCount.high)))
                        return "leafCount: integer|Long expected";
                if (message.rootHash != null && $Object.hasOwnProperty.call(message, "rootHash"))
                    if (!(message.rootHash && typeof message.rootHash.length === "number" || $util.isString(message.rootHash)))
                        return "rootHash: buffer expected";
                if (message.prevRootHash != null && $Object.hasOwnProperty.call(message, "prevRootHash"))
                    if (!(message.prevRootHash && typeof message.prevRootHash.length === "number" || $util.isString(message.prevRootHash)))
                        return "prevRootHash: buffer expected";
                if (message.sealedAt != null && $Object.hasOwnProperty.call(message, "sealedAt")) {
                    var error = $root.google.protobuf.Timestamp.verify(message.sealedAt, _depth + 1);
                    if (error)
                        return "sealedAt." + error;
                }
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    if (!$util.isString(message.keyId))
                        return "keyId: string expected";
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    if (!(message.signature && typeof message.signature.length === "number" || $util.isString(message.signature)))
                        return "signature: buffer expected";
                if (message.treeSize != null && $Object.hasOwnProperty.call(message, "treeSize"))
                    if (!$util.isInteger(message.treeSize) && !(message.treeSize && $util.isInteger(message.treeSize.low) && $util.isInteger(message.treeSize.high)))
                        return "treeSize: integer|Long expected";
                if (message.treeRoot != null && $Object.hasOwnProperty.call(message, "treeRoot"))
                    if (!(message.treeRoot && typeof message.treeRoot.length === "number" || $util.isString(message.treeRoot)))
                        return "treeRoot: buffer expected";
                if (message.treeFrontier != null && $Object.hasOwnProperty.call(message, "treeFrontier")) {
                    if (!$Array.isArray(message.treeFrontier))
                        return "treeFrontier: array expected";
                    for (var i = 0; i < message.treeFrontier.length; ++i)
                        if (!(message.treeFrontier[i] && typeof message.treeFrontier[i].length === "number" || $util.isString(message.treeFrontier[i])))
                            return "treeFrontier: buffer[] expected";
                }
                if (message.checkpoint != null && $Object.hasOwnProperty.call(message, "checkpoint"))
                    if (!$util.isString(message.checkpoint))
                        return "checkpoint: string expected";
                return null;
            };

            /**
             * Creates a SealedRoot message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {vigil.v1.SealedRoot} SealedRoot
             */
            SealedRoot.fromObject = function (object, _depth) {
                if (object instanceof $root.vigil.v1.SealedRoot)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".vigil.v1.SealedRoot: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.vigil.v1.SealedRoot();
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.topic != null)
                    if (typeof object.topic !== "string" || object.topic.length)
                        message.topic = $String(object.topic);
                if (object.partition != null)
                    if ($Number(object.partition) !== 0)
                        message.partition = object.partition | 0;
                if (object.batchSequence != null)
                    if (typeof object.batchSequence === "object" ? object.batchSequence.low || object.batchSequence.high : $Number(object.batchSequence) !== 0)
                        if ($util.Long)
                            message.batchSequence = $util.Long.fromValue(object.batchSequence, false);
                        else if (typeof object.batchSequence === "string")
                            message.batchSequence = $parseInt(object.batchSequence, 10);
                        else if (typeof object.batchSequence === "number")
                            message.batchSequence = object.batchSequence;
                        else if (typeof object.batchSequence === "object")
                            message.batchSequence = new $util.LongBits(object.batchSequence.low >>> 0, object.batchSequence.high >>> 0).toNumber();
                if (object.firstOffset != null)
                    if (typeof object.firstOffset === "object" ? object.firstOffset.low || object.firstOffset.high : $Number(object.firstOffset) !== 0)
                        if ($util.Long)
                            message.firstOffset = $util.Long.fromValue(object.firstOffset, false);
                        else if (typeof object.firstOffset === "string")
                            message.firstOffset = $parseInt(object.firstOffset, 10);
                        else if (typeof object.firstOffset === "number")
                            message.firstOffset = object.firstOffset;
                        else if (typeof object.firstOffset === "object")
                            message.firstOffset = new $util.LongBits(object.firstOffset.low >>> 0, object.firstOffset.high >>> 0).toNumber();
                if (object.lastOffset != null)
                    if (typeof object.lastOffset === "object" ? object.lastOffset.low || object.lastOffset.high : $Number(object.lastOffset) !== 0)
                        if ($util.Long)
                            message.lastOffset = $util.Long.fromValue(object.lastOffset, false);
                        else if (typeof object.lastOffset === "string")
                            message.lastOffset = $parseInt(object.lastOffset, 10);
                        else if (typeof object.lastOffset === "number")
                            message.lastOffset = object.lastOffset;
                        else if (typeof object.lastOffset === "object")
                            message.lastOffset = new $util.LongBits(object.lastOffset.low >>> 0, object.lastOffset.high >>> 0).toNumber();
                if (object.leafCount != null)
                    if (typeof object.leafCount === "object" ? object.leafCount.low || object.leafCount.high : $Number(object.leafCount) !== 0)
                        if ($util.Long)
                            message.leafCount = $util.Long.fromValue(object.leafCount, false);
                        else if (typeof object.leafCount === "string")
                            message.leafCount = $parseInt(object.leafCount, 10);
                        else if (typeof object.leafCount === "number")
                            message.leafCount = object.leafCount;
                        else if (typeof object.leafCount === "object")
                            message.leafCount = new $util.LongBits(object.leafCount.low >>> 0, object.leafCount.high >>> 0).toNumber();
                if (object.rootHash != null)
                    if (object.rootHash.length)
                        if (typeof object.rootHash === "string")
                            $util.base64.decode(object.rootHash, message.rootHash = $util.newBuffer($util.base64.length(object.rootHash)), 0);
                        else if (object.rootHash.length >= 0)
                            message.rootHash = object.rootHash;
                if (object.prevRootHash != null)
                    if (object.prevRootHash.length)
                        if (typeof object.prevRootHash === "string")
                            $util.base64.decode(object.prevRootHash, message.prevRootHash = $util.newBuffer($util.base64.length(object.prevRootHash)), 0);
                        else if (object.prevRootHash.length >= 0)
                            message.prevRootHash = object.prevRootHash;
                if (object.sealedAt != null) {
                    if (!$util.isObject(object.sealedAt))
                        throw $TypeError(".vigil.v1.SealedRoot.sealedAt: object expected");
                    message.sealedAt = $root.google.protobuf.Timestamp.fromObject(object.sealedAt, _depth + 1);
                }
                if (object.keyId != null)
                    if (typeof object.keyId !== "string" || object.keyId.length)
                        message.keyId = $String(object.keyId);
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                if (object.treeSize != null)
                    if (typeof object.treeSize === "object" ? object.treeSize.low || object.treeSize.high : $Number(object.treeSize) !== 0)
                        if ($util.Long)
                            message.treeSize = $util.Long.fromValue(object.treeSize, false);
                        else if (typeof object.treeSize === "string")
                            message.treeSize = $parseInt(object.treeSize, 10);
                        else if (typeof object.treeSize === "number")
                            message.treeSize = object.treeSize;
                        else if (typeof object.treeSize === "object")
                            message.treeSize = new $util.LongBits(object.treeSize.low >>> 0, object.treeSize.high >>> 0).toNumber();
                if (object.treeRoot != null)
                    if (object.treeRoot.length)
                        if (typeof object.treeRoot === "string")
                            $util.base64.decode(object.treeRoot, message.treeRoot = $util.newBuffer($util.base64.length(object.treeRoot)), 0);
                        else if (object.treeRoot.length >= 0)
                            message.treeRoot = object.treeRoot;
                if (object.treeFrontier) {
                    if (!$Array.isArray(object.treeFrontier))
                        throw $TypeError(".vigil.v1.SealedRoot.treeFrontier: array expected");
                    message.treeFrontier = $Array(object.treeFrontier.length);
                    for (var i = 0; i < object.treeFrontier.length; ++i)
                        if (typeof object.treeFrontier[i] === "string")
                            $util.base64.decode(object.treeFrontier[i], message.treeFrontier[i] = $util.newBuffer($util.base64.length(object.treeFrontier[i])), 0);
                        else if (object.treeFrontier[i].length >= 0)
                            message.treeFrontier[i] = object.treeFrontier[i];
                }
                if (object.checkpoint != null)
                    if (typeof object.checkpoint !== "string" || object.checkpoint.length)
                        message.checkpoint = $String(object.checkpoint);
                return message;
            };

            /**
             * Creates a plain object from a SealedRoot message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {vigil.v1.SealedRoot} message SealedRoot
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            SealedRoot.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.arrays || options.defaults)
                    object.treeFrontier = [];
                if (options.defaults) {
                    object.version = 0;
                    object.topic = "";
                    object.partition = 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.batchSequence = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.batchSequence = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.firstOffset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.firstOffset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.lastOffset = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastOffset = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.leafCount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.leafCount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.rootHash = "";
                    else {
                        object.rootHash = [];
                        if (options.bytes !== $Array)
                            object.rootHash = $util.newBuffer(object.rootHash);
                    }
                    if (options.bytes === $String)
                        object.prevRootHash = "";
                    else {
                        object.prevRootHash = [];
                        if (options.bytes !== $Array)
                            object.prevRootHash = $util.newBuffer(object.prevRootHash);
                    }
                    object.sealedAt = null;
                    object.keyId = "";
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.treeSize = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.treeSize = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.treeRoot = "";
                    else {
                        object.treeRoot = [];
                        if (options.bytes !== $Array)
                            object.treeRoot = $util.newBuffer(object.treeRoot);
                    }
                    object.checkpoint = "";
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.topic != null && $Object.hasOwnProperty.call(message, "topic"))
                    object.topic = message.topic;
                if (message.partition != null && $Object.hasOwnProperty.call(message, "partition"))
                    object.partition = message.partition;
                if (message.batchSequence != null && $Object.hasOwnProperty.call(message, "batchSequence"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.batchSequence = typeof message.batchSequence === "number" ? $BigInt(message.batchSequence) : $util.Long.fromBits(message.batchSequence.low >>> 0, message.batchSequence.high >>> 0, false).toBigInt();
                    else if (typeof message.batchSequence === "number")
                        object.batchSequence = options.longs === $String ? $String(message.batchSequence) : message.batchSequence;
                    else
                        object.batchSequence = options.longs === $String ? $util.Long.prototype.toString.call(message.batchSequence) : options.longs === $Number ? new $util.LongBits(message.batchSequence.low >>> 0, message.batchSequence.high >>> 0).toNumber() : message.batchSequence;
                if (message.firstOffset != null && $Object.hasOwnProperty.call(message, "firstOffset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.firstOffset = typeof message.firstOffset === "number" ? $BigInt(message.firstOffset) : $util.Long.fromBits(message.firstOffset.low >>> 0, message.firstOffset.high >>> 0, false).toBigInt();
                    else if (typeof message.firstOffset === "number")
                        object.firstOffset = options.longs === $String ? $String(message.firstOffset) : message.firstOffset;
                    else
                        object.firstOffset = options.longs === $String ? $util.Long.prototype.toString.call(message.firstOffset) : options.longs === $Number ? new $util.LongBits(message.firstOffset.low >>> 0, message.firstOffset.high >>> 0).toNumber() : message.firstOffset;
                if (message.lastOffset != null && $Object.hasOwnProperty.call(message, "lastOffset"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastOffset = typeof message.lastOffset === "number" ? $BigInt(message.lastOffset) : $util.Long.fromBits(message.lastOffset.low >>> 0, message.lastOffset.high >>> 0, false).toBigInt();
                    else if (typeof message.lastOffset === "number")
                        object.lastOffset = options.longs === $String ? $String(message.lastOffset) : message.lastOffset;
                    else
                        object.lastOffset = options.longs === $String ? $util.Long.prototype.toString.call(message.lastOffset) : options.longs === $Number ? new $util.LongBits(message.lastOffset.low >>> 0, message.lastOffset.high >>> 0).toNumber() : message.lastOffset;
                if (message.leafCount != null && $Object.hasOwnProperty.call(message, "leafCount"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.leafCount = typeof message.leafCount === "number" ? $BigInt(message.leafCount) : $util.Long.fromBits(message.leafCount.low >>> 0, message.leafCount.high >>> 0, false).toBigInt();
                    else if (typeof message.leafCount === "number")
                        object.leafCount = options.longs === $String ? $String(message.leafCount) : message.leafCount;
                    else
                        object.leafCount = options.longs === $String ? $util.Long.prototype.toString.call(message.leafCount) : options.longs === $Number ? new $util.LongBits(message.leafCount.low >>> 0, message.leafCount.high >>> 0).toNumber() : message.leafCount;
                if (message.rootHash != null && $Object.hasOwnProperty.call(message, "rootHash"))
                    object.rootHash = options.bytes === $String ? $util.base64.encode(message.rootHash, 0, message.rootHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.rootHash) : message.rootHash;
                if (message.prevRootHash != null && $Object.hasOwnProperty.call(message, "prevRootHash"))
                    object.prevRootHash = options.bytes === $String ? $util.base64.encode(message.prevRootHash, 0, message.prevRootHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.prevRootHash) : message.prevRootHash;
                if (message.sealedAt != null && $Object.hasOwnProperty.call(message, "sealedAt"))
                    object.sealedAt = $root.google.protobuf.Timestamp.toObject(message.sealedAt, options, _depth + 1);
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    object.keyId = message.keyId;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                if (message.treeSize != null && $Object.hasOwnProperty.call(message, "treeSize"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.treeSize = typeof message.treeSize === "number" ? $BigInt(message.treeSize) : $util.Long.fromBits(message.treeSize.low >>> 0, message.treeSize.high >>> 0, false).toBigInt();
                    else if (typeof message.treeSize === "number")
                        object.treeSize = options.longs === $String ? $String(message.treeSize) : message.treeSize;
                    else
                        object.treeSize = options.longs === $String ? $util.Long.prototype.toString.call(message.treeSize) : options.longs === $Number ? new $util.LongBits(message.treeSize.low >>> 0, message.treeSize.high >>> 0).toNumber() : message.treeSize;
                if (message.treeRoot != null && $Object.hasOwnProperty.call(message, "treeRoot"))
                    object.treeRoot = options.bytes === $String ? $util.base64.encode(message.treeRoot, 0, message.treeRoot.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.treeRoot) : message.treeRoot;
                if (message.treeFrontier && message.treeFrontier.length) {
                    object.treeFrontier = $Array(message.treeFrontier.length);
                    for (var j = 0; j < message.treeFrontier.length; ++j)
                        object.treeFrontier[j] = options.bytes === $String ? $util.base64.encode(message.treeFrontier[j], 0, message.treeFrontier[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.treeFrontier[j]) : message.treeFrontier[j];
                }
                if (message.checkpoint != null && $Object.hasOwnProperty.call(message, "checkpoint"))
                    object.checkpoint = message.checkpoint;
                return object;
            };

            /**
             * Converts this SealedRoot to JSON.
             * @function toJSON
             * @memberof vigil.v1.SealedRoot
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            SealedRoot.prototype.toJSON = function() {
                return SealedRoot.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for SealedRoot
             * @function getTypeUrl
             * @memberof vigil.v1.SealedRoot
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            SealedRoot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.SealedRoot";
            };

            return SealedRoot;
        })();

        return v1;
    })();

    return vigil;
})();

$root.google = (function() {

    /**
     * Namespace google.
     * @exports google
     * @namespace
     */
    var google = {};

    google.protobuf = (function() {

        /**
         * Namespace protobuf.
         * @memberof google
         * @namespace
         */
        var protobuf = {};

        protobuf.Timestamp = (function() {

            /**
             * Properties of a Timestamp.
             * @typedef {Object} google.protobuf.Timestamp.$Properties
             * @property {number|null} [seconds] Timestamp seconds
             * @property {number|null} [nanos] Timestamp nanos
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Timestamp.
             * @memberof google.protobuf
             * @interface ITimestamp
             * @augments google.protobuf.Timestamp.$Properties
             * @deprecated Use google.protobuf.Timestamp.$Properties instead.
             */

            /**
             * Shape of a Timestamp.
             * @typedef {google.protobuf.Timestamp.$Properties} google.protobuf.Timestamp.$Shape
             */

            /**
             * Constructs a new Timestamp.
             * @memberof google.protobuf
             * @classdesc Represents a Timestamp.
             * @constructor
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            var Timestamp = function (properties) {
                if (properties)
                    for (var keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Timestamp seconds.
             * @member {number} seconds
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.seconds = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Timestamp nanos.
             * @member {number} nanos
             * @memberof google.protobuf.Timestamp
             * @instance
             */
            Timestamp.prototype.nanos = 0;

            /**
             * Creates a new Timestamp instance using the specified properties.
             * @function create
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties=} [properties] Properties to set
             * @returns {google.protobuf.Timestamp} Timestamp instance
             * @type {{
             *   (properties: google.protobuf.Timestamp.$Shape): google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape;
             *   (properties?: google.protobuf.Timestamp.$Properties): google.protobuf.Timestamp;
             * }}
             */
            Timestamp.create = function(properties) {
                return new Timestamp(properties);
            };

            /**
             * Encodes the specified Timestamp message. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds") && (typeof message.seconds === "object" ? message.seconds.low || message.seconds.high : message.seconds !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).int64(message.seconds);
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos") && message.nanos !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.nanos);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (var i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Encodes the specified Timestamp message, length delimited. Does not implicitly {@link google.protobuf.Timestamp.verify|verify} messages.
             * @function encodeDelimited
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp.$Properties} message Timestamp message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Timestamp.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer.
             * @function decode
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.google.protobuf.Timestamp();
                while (reader.pos < end) {
                    var start = reader.pos;
                    var tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    var wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.int64()) === "object" ? value.low || value.high : value !== 0)
                                message.seconds = value;
                            else
                                delete message.seconds;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.nanos = value;
                            else
                                delete message.nanos;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            /**
             * Decodes a Timestamp message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {google.protobuf.Timestamp & google.protobuf.Timestamp.$Shape} Timestamp
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Timestamp.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Timestamp message.
             * @function verify
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} message Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Timestamp.verify = function (message, _depth) {
                if (typeof message !== "object" || message === null)
                    return "object expected";
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    return "max depth exceeded";
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds"))
                    if (!$util.isInteger(message.seconds) && !(message.seconds && $util.isInteger(message.seconds.low) && $util.isInteger(message.seconds.high)))
                        return "seconds: integer|Long expected";
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos"))
                    if (!$util.isInteger(message.nanos))
                        return "nanos: integer expected";
                return null;
            };

            /**
             * Creates a Timestamp message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {Object.<string,*>} object Plain object
             * @returns {google.protobuf.Timestamp} Timestamp
             */
            Timestamp.fromObject = function (object, _depth) {
                if (object instanceof $root.google.protobuf.Timestamp)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".google.protobuf.Timestamp: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var message = new $root.google.protobuf.Timestamp();
                if (object.seconds != null)
                    if (typeof object.seconds === "object" ? object.seconds.low || object.seconds.high : $Number(object.seconds) !== 0)
                        if ($util.Long)
                            message.seconds = $util.Long.fromValue(object.seconds, false);
                        else if (typeof object.seconds === "string")
                            message.seconds = $parseInt(object.seconds, 10);
                        else if (typeof object.seconds === "number")
                            message.seconds = object.seconds;
                        else if (typeof object.seconds === "object")
                            message.seconds = new $util.LongBits(object.seconds.low >>> 0, object.seconds.high >>> 0).toNumber();
                if (object.nanos != null)
                    if ($Number(object.nanos) !== 0)
                        message.nanos = object.nanos | 0;
                return message;
            };

            /**
             * Creates a plain object from a Timestamp message. Also converts values to other types if specified.
             * @function toObject
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {google.protobuf.Timestamp} message Timestamp
             * @param {$protobuf.IConversionOptions} [options] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Timestamp.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        var long = new $util.Long(0, 0, false);
                        object.seconds = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seconds = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.nanos = 0;
                }
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seconds = typeof message.seconds === "number" ? $BigInt(message.seconds) : $util.Long.fromBits(message.seconds.low >>> 0, message.seconds.high >>> 0, false).toBigInt();
                    else if (typeof message.seconds === "number")
                        object.seconds = options.longs === $String ? $String(message.seconds) : message.seconds;
                    else
                        object.seconds = options.longs === $String ? $util.Long.prototype.toString.call(message.seconds) : options.longs === $Number ? new $util.LongBits(message.seconds.low >>> 0, message.seconds.high >>> 0).toNumber() : message.seconds;
                if (message.nanos != null && $Object.hasOwnProperty.call(message, "nanos"))
                    object.nanos = message.nanos;
                return object;
            };

            /**
             * Converts this Timestamp to JSON.
             * @function toJSON
             * @memberof google.protobuf.Timestamp
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Timestamp.prototype.toJSON = function() {
                return Timestamp.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Timestamp
             * @function getTypeUrl
             * @memberof google.protobuf.Timestamp
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Timestamp.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/google.protobuf.Timestamp";
            };

            return Timestamp;
        })();

        return protobuf;
    })();

    return google;
})();

module.exports = $root;
