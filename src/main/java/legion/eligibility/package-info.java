/**
 * Role catalogue and the versioned eligibility policy made of small named rules.
 */
package legion.eligibility;
