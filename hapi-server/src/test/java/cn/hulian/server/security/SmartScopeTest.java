package cn.hulian.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmartScopeTest {

	@Test
	void readsSmartV2AndV1Permissions() {
		SmartScope observations = SmartScope.parse("system/Observation.rs").orElseThrow();
		assertThat(observations.context()).isEqualTo(SmartScope.Context.SYSTEM);
		assertThat(observations.resourceType()).isEqualTo("Observation");
		assertThat(observations.allows('r')).isTrue();
		assertThat(observations.allows('u')).isFalse();

		SmartScope everythingWritten = SmartScope.parse("user/*.write").orElseThrow();
		assertThat(everythingWritten.resourceType()).isNull();
		assertThat(everythingWritten.permissions()).isEqualTo("cud");
		assertThat(SmartScope.parse("patient/*.*").orElseThrow().permissions()).isEqualTo("cruds");
	}

	@Test
	void grantsNothingForScopesItDoesNotUnderstand() {
		assertThat(SmartScope.parseAll("openid fhirUser launch/patient system/Observation.rs?category=vital-signs "
				+ "system/Patient.x patient/Condition.rs")).extracting(SmartScope::toString)
				.containsExactly("patient/Condition.rs");
		assertThat(SmartScope.parseAll(null)).isEmpty();
	}

	@Test
	void aWiderScopeCoversANarrowerOneOfTheSameContext() {
		SmartScope all = SmartScope.parse("system/*.cruds").orElseThrow();
		assertThat(all.covers(SmartScope.parse("system/Patient.rs").orElseThrow())).isTrue();
		assertThat(all.covers(SmartScope.parse("user/Patient.rs").orElseThrow())).isFalse();
		assertThat(SmartScope.parse("system/Patient.rs").orElseThrow()
				.covers(SmartScope.parse("system/Patient.cruds").orElseThrow())).isFalse();
	}
}
