/**
 * The Enlistment aggregate: stages, guarded transitions, history and events.
 */
package legion.enlistment;
