/**
 * The register itself: weapons with their status and append-only custody history, holders (encrypted, found by
 * the blind index of their document), issues checked by the arms policy on the platform's rules engine.
 */
package legion.arms.register;
