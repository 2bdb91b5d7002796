/**
 * Watchlist screening and identity resolution (duplicate applications across embassies).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"access", "audit", "enlistment", "shared"})
package legion.screening;
