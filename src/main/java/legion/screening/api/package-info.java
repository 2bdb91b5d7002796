/** Screening over the officers' REST API. */
package legion.screening.api;
