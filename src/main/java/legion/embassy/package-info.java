/**
 * Embassies and the routing table that sends each application to the embassy of the volunteer's country of residence.
 */
package legion.embassy;
