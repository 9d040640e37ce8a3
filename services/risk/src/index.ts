// The risk service is specified by its own issue; this package only makes the layout real.
export const SERVICE_NAME = 'risk';
