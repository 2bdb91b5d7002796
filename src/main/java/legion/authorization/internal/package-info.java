/**
 * Spring-free machinery of travel authorizations: C40, seal codec, visa profile, MRZ names, ECDSA, PKI, barcode, letter.
 */
package legion.authorization.internal;
