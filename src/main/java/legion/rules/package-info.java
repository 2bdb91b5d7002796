/**
 * Versioned policies of small named rules, for every program: a program supplies its subject, its rules and its
 * parameters; the engine stores published versions, keeps the verdict history of each subject and re-evaluates
 * open subjects when a version is published.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package legion.rules;
