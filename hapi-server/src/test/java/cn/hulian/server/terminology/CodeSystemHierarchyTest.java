package cn.hulian.server.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.codesystems.ConceptSubsumptionOutcome;
import org.junit.jupiter.api.Test;

class CodeSystemHierarchyTest {

	private final CodeSystemHierarchy icd = new CodeSystemHierarchy(icdFragment());

	@Test
	void aCategorySubsumesItsSubcategoriesAndTheirExtensionCodes() {
		assertThat(icd.subsumption("I10", "I10.x00x023")).isEqualTo(ConceptSubsumptionOutcome.SUBSUMES);
		assertThat(icd.subsumption("I10.x00x023", "I10.x00")).isEqualTo(ConceptSubsumptionOutcome.SUBSUMEDBY);
	}

	@Test
	void siblingsAndOtherCategoriesAreNotSubsumed() {
		assertThat(icd.subsumption("I10.x00x023", "I10.x00x024")).isEqualTo(ConceptSubsumptionOutcome.NOTSUBSUMED);
		assertThat(icd.subsumption("E11", "I10.x00")).isEqualTo(ConceptSubsumptionOutcome.NOTSUBSUMED);
	}

	@Test
	void aCodeIsEquivalentToItself() {
		assertThat(icd.subsumption("E11.900", "E11.900")).isEqualTo(ConceptSubsumptionOutcome.EQUIVALENT);
	}

	@Test
	void aCodeItDoesNotHoldIsSubsumedByNothing() {
		assertThat(icd.subsumption("I10", "J45.900")).isEqualTo(ConceptSubsumptionOutcome.NOTSUBSUMED);
	}

	@Test
	void knowsWhichCodesItHolds() {
		assertThat(icd.contains("I10.x00x024")).isTrue();
		assertThat(icd.contains("J45.900")).isFalse();
	}

	private static CodeSystem icdFragment() {
		CodeSystem codeSystem = new CodeSystem();
		CodeSystem.ConceptDefinitionComponent hypertension = codeSystem.addConcept().setCode("I10");
		CodeSystem.ConceptDefinitionComponent primary = hypertension.addConcept().setCode("I10.x00");
		primary.addConcept().setCode("I10.x00x023");
		primary.addConcept().setCode("I10.x00x024");
		codeSystem.addConcept().setCode("E11").addConcept().setCode("E11.900");
		return codeSystem;
	}
}
