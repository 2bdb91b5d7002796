/**
 * Travel authorizations: ICAO Doc 9303-13 Visible Digital Seals, signing keys, revocation.
 */
package legion.authorization;
