package cn.hulian.server.packages;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code fhirPackages} in {@code /actuator/health}: DOWN until the bundled FHIR packages are installed. */
@Component
public class FhirPackagesHealthIndicator implements HealthIndicator {

	private final FhirPackageReadiness readiness;

	public FhirPackagesHealthIndicator(FhirPackageReadiness readiness) {
		this.readiness = readiness;
	}

	@Override
	public Health health() {
		return readiness.isInstalled() ? Health.up().build() : Health.down().build();
	}
}
