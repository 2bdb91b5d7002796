/**
 * Border crossings recorded against travel authorizations.
 */
package legion.border;
