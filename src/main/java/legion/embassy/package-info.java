/**
 * Embassies and the routing table that sends each application to the embassy of the volunteer's country of residence.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "shared"})
package legion.embassy;
