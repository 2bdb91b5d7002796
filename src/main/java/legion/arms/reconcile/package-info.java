/**
 * Reconciling paper journals against the register ({@code arms-reconcile}): serials compared normalised, typing
 * errors in serials corrected within two edits, holders matched across scripts and transliterations.
 */
package legion.arms.reconcile;
