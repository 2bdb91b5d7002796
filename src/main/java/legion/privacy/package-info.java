/**
 * Protection of personal data at rest: field-level AES-GCM encryption with key ids (for rotation) and keyed blind
 * indexes for exact look-ups.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package legion.privacy;
