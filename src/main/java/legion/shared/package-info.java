/**
 * Small value types shared by every module.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {}, type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package legion.shared;
