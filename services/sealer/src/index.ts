// The sealer service is specified by its own issue; this package only makes the layout real.
export const SERVICE_NAME = 'sealer';
