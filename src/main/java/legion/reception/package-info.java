/**
 * Arrival at the reception point and assignment of role and unit.
 */
package legion.reception;
