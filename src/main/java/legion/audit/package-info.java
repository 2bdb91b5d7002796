/**
 * The append-only, hash-chained audit log.
 */
package legion.audit;
