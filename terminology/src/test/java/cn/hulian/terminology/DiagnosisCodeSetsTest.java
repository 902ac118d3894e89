package cn.hulian.terminology;

import static cn.hulian.terminology.BuiltTerminologyPackage.RESOURCES;
import static cn.hulian.terminology.BuiltTerminologyPackage.VALIDATOR;
import static cn.hulian.terminology.BuiltTerminologyPackage.codeSystem;
import static cn.hulian.terminology.BuiltTerminologyPackage.conceptMap;
import static cn.hulian.terminology.BuiltTerminologyPackage.valueSet;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ConceptMap.ConceptMapGroupComponent;
import org.hl7.fhir.r4.model.ConceptMap.SourceElementComponent;
import org.hl7.fhir.r4.model.ConceptMap.TargetElementComponent;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/** The ICD-10 diagnosis code sets as packaged: 国家临床版2.0, 医保版2.0, the crosswalk between them and the chronic-disease list. */
class DiagnosisCodeSetsTest {

	private static final String CLINICAL = "http://hulian.cn/fhir/CodeSystem/icd10-cn-clinical-2";
	private static final String NHSA = "http://hulian.cn/fhir/CodeSystem/icd10-cn-nhsa-2";
	private static final String CROSSWALK = "http://hulian.cn/fhir/ConceptMap/icd10-cn-clinical-2-to-nhsa-2";
	private static final String CHRONIC = "http://hulian.cn/fhir/ValueSet/cn-chronic-disease";

	/** An ICD-10 category (I10) or a code of the Chinese editions: subcategory code (I10.x00, E11.900), optional extension (x023), optional asterisk code. */
	private static final String CATEGORY = "[A-Z][0-9]{2}";
	private static final String EDITION_CODE = "[A-Z][0-9]{2}\\.[0-9x][0-9]{2}(x[0-9]{3})?(\\+[A-Z][0-9]{2}(\\.[0-9])?\\*)?";


	@Test
	void diagnosisResourcesAreValidFhir() {
		List<IBaseResource> ours = RESOURCES.stream()
				.filter(r -> r.getIdElement().getIdPart().contains("icd10") || r.getIdElement().getIdPart().equals("cn-chronic-disease"))
				.toList();

		assertThat(ours).hasSize(6).allSatisfy(resource -> assertThat(VALIDATOR.validate(resource).getMessages())
				.filteredOn(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.isEmpty());
	}

	@Test
	void codeSystemsAreCuratedHierarchicalFragmentsWithTheirCount() {
		for (String url : List.of(CLINICAL, NHSA)) {
			CodeSystem codeSystem = codeSystem(url);
			Map<String, ConceptDefinitionComponent> concepts = concepts(codeSystem);

			assertThat(codeSystem.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.FRAGMENT);
			assertThat(codeSystem.getHierarchyMeaning()).isEqualTo(CodeSystem.CodeSystemHierarchyMeaning.ISA);
			assertThat(codeSystem.getCaseSensitive()).isTrue();
			assertThat(codeSystem.getCount()).isEqualTo(concepts.size());
			assertThat(codeSystem.getConcept()).allSatisfy(category -> {
				assertThat(category.getCode()).matches(CATEGORY);
				assertThat(category.getConcept()).isNotEmpty();
			});
			assertThat(concepts.values()).allSatisfy(concept -> {
				assertThat(concept.getDisplay()).isNotBlank();
				assertThat(concept.getDesignation()).anySatisfy(d -> assertThat(d.getLanguage()).isEqualTo("en"));
			});
		}
	}

	@Test
	void codesHaveTheEditionsFormatAndSitUnderTheirCategoryAndSubcategory() {
		for (String url : List.of(CLINICAL, NHSA)) {
			for (ConceptDefinitionComponent category : codeSystem(url).getConcept()) {
				for (ConceptDefinitionComponent subcategory : category.getConcept()) {
					assertThat(subcategory.getCode()).matches(EDITION_CODE).startsWith(category.getCode() + ".").endsWith("00");
					for (ConceptDefinitionComponent code : subcategory.getConcept()) {
						assertThat(code.getCode()).matches(EDITION_CODE).startsWith(subcategory.getCode().substring(0, 5));
						assertThat(code.getConcept()).isEmpty();
					}
				}
			}
		}
	}

	@Test
	void clinicalEditionHasItsOwnCodesForHypertensionGradeAndRisk() {
		Map<String, ConceptDefinitionComponent> clinical = concepts(codeSystem(CLINICAL));
		Map<String, ConceptDefinitionComponent> nhsa = concepts(codeSystem(NHSA));

		assertThat(clinical.get("I10.x00x023").getDisplay()).isEqualTo("高血压病1级（高危）");
		assertThat(clinical.get("I10.x00").getConcept()).extracting(ConceptDefinitionComponent::getCode).contains("I10.x00x023", "I10.x03");
		assertThat(nhsa).doesNotContainKey("I10.x00x023");
		assertThat(nhsa.get("I10.x03").getDisplay()).isEqualTo("高血压1级");
		// The editions differ for CKD stages and atrial fibrillation types.
		assertThat(clinical).containsKeys("N18.803", "I48.x02").doesNotContainKeys("N18.300", "I48.000");
		assertThat(nhsa).containsKeys("N18.300", "I48.000").doesNotContainKeys("N18.803", "I48.x02");
	}

	@Test
	void everyCrosswalkCodeExistsInItsSourceAndTargetSystemWithItsDisplay() {
		ConceptMap crosswalk = crosswalk();
		Map<String, ConceptDefinitionComponent> clinical = concepts(codeSystem(CLINICAL));
		Map<String, ConceptDefinitionComponent> nhsa = concepts(codeSystem(NHSA));

		assertThat(crosswalk.getSourceUriType().getValue()).isEqualTo("http://hulian.cn/fhir/ValueSet/cn-icd10-clinical-2");
		assertThat(crosswalk.getTargetUriType().getValue()).isEqualTo("http://hulian.cn/fhir/ValueSet/cn-icd10-nhsa-2");
		assertThat(crosswalk.getGroup()).singleElement().satisfies(group -> {
			assertThat(group.getSource()).isEqualTo(CLINICAL);
			assertThat(group.getTarget()).isEqualTo(NHSA);
			assertThat(group.getElement()).isNotEmpty().allSatisfy(element -> {
				assertThat(clinical).containsKey(element.getCode());
				assertThat(element.getDisplay()).isEqualTo(clinical.get(element.getCode()).getDisplay());
				assertThat(element.getTarget()).singleElement().satisfies(target -> {
					assertThat(nhsa).containsKey(target.getCode());
					assertThat(target.getDisplay()).isEqualTo(nhsa.get(target.getCode()).getDisplay());
					assertThat(target.getEquivalence()).isIn(ConceptMapEquivalence.EQUIVALENT, ConceptMapEquivalence.WIDER);
				});
			});
		});
	}

	@Test
	void everyClinicalCodeIsMappedOnceAndEveryNhsaCodeIsReachedOrATargetsSubcategory() {
		ConceptMapGroupComponent group = crosswalk().getGroup().get(0);
		Set<String> clinicalCodes = nonCategoryCodes(codeSystem(CLINICAL));
		Map<String, ConceptDefinitionComponent> nhsa = concepts(codeSystem(NHSA));
		Set<String> targets = group.getElement().stream()
				.flatMap(e -> e.getTarget().stream())
				.map(TargetElementComponent::getCode)
				.collect(Collectors.toSet());

		assertThat(group.getElement()).extracting(SourceElementComponent::getCode)
				.doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(clinicalCodes);
		assertThat(nonCategoryCodes(codeSystem(NHSA))).allSatisfy(code -> {
			if (!targets.contains(code)) {
				assertThat(nhsa.get(code).getConcept()).as("%s is neither a target nor the subcategory of one", code)
						.anySatisfy(child -> assertThat(targets).contains(child.getCode()));
			}
		});
	}

	@Test
	void someMappingsChangeTheCodeAndLosingDetailIsMarkedWider() {
		List<SourceElementComponent> elements = crosswalk().getGroup().get(0).getElement();

		assertThat(elements).filteredOn(e -> !e.getTarget().get(0).getCode().equals(e.getCode())).hasSizeGreaterThanOrEqualTo(10);
		assertThat(elements).filteredOn(e -> e.getTarget().get(0).getEquivalence() == ConceptMapEquivalence.WIDER)
				.isNotEmpty()
				.allSatisfy(e -> assertThat(e.getTarget().get(0).getCode()).isNotEqualTo(e.getCode()));
		assertThat(elements).filteredOn(e -> e.getTarget().get(0).getCode().equals(e.getCode()))
				.allSatisfy(e -> assertThat(e.getTarget().get(0).getEquivalence()).isEqualTo(ConceptMapEquivalence.EQUIVALENT));
	}

	@Test
	void hypertensionGradeOneWithRiskMapsToGradeOne() {
		assertThat(target("I10.x00x023")).isEqualTo(Map.entry("I10.x03", ConceptMapEquivalence.WIDER));
		assertThat(target("I10.x00x024")).isEqualTo(Map.entry("I10.x03", ConceptMapEquivalence.WIDER));
		assertThat(target("I10.x03")).isEqualTo(Map.entry("I10.x03", ConceptMapEquivalence.EQUIVALENT));
		assertThat(target("I10.x00x032")).isEqualTo(Map.entry("I10.x05", ConceptMapEquivalence.WIDER));
	}

	@Test
	void typeTwoDiabetesKeepsItsCodeAndItsComplicationCodesMap() {
		assertThat(target("E11.900")).isEqualTo(Map.entry("E11.900", ConceptMapEquivalence.EQUIVALENT));
		assertThat(target("E11.201+N08.3*")).isEqualTo(Map.entry("E11.201+N08.3*", ConceptMapEquivalence.EQUIVALENT));
		assertThat(target("E11.400x312+G99.0*")).isEqualTo(Map.entry("E11.402+G99.0*", ConceptMapEquivalence.EQUIVALENT));
	}

	@Test
	void sameCodeStringWithDifferentMeaningIsNotMappedToItself() {
		// N18.900 is 慢性肾衰竭 in 国家临床版2.0 but 慢性肾脏病，未特指 in 医保版2.0.
		assertThat(concepts(codeSystem(CLINICAL)).get("N18.900").getDisplay()).isEqualTo("慢性肾衰竭");
		assertThat(concepts(codeSystem(NHSA)).get("N18.900").getDisplay()).isEqualTo("慢性肾脏病，未特指");
		assertThat(target("N18.900")).isEqualTo(Map.entry("N18.902", ConceptMapEquivalence.EQUIVALENT));
		assertThat(target("N18.803")).isEqualTo(Map.entry("N18.300", ConceptMapEquivalence.EQUIVALENT));
		assertThat(target("I48.x02")).isEqualTo(Map.entry("I48.000", ConceptMapEquivalence.EQUIVALENT));
	}

	@Test
	void chronicDiseaseCodesAreExplicitClinicalCodesWithTheirDisplay() {
		ValueSet chronic = valueSet(CHRONIC);
		Map<String, ConceptDefinitionComponent> clinical = concepts(codeSystem(CLINICAL));

		assertThat(chronic.getCompose().getInclude()).singleElement().satisfies(include -> {
			assertThat(include.getSystem()).isEqualTo(CLINICAL);
			assertThat(include.getFilter()).isEmpty();
			assertThat(include.getConcept()).isNotEmpty().allSatisfy(concept -> {
				assertThat(clinical).containsKey(concept.getCode());
				assertThat(concept.getCode()).matches(EDITION_CODE);
				assertThat(concept.getDisplay()).isEqualTo(clinical.get(concept.getCode()).getDisplay());
			});
			assertThat(include.getConcept()).extracting(ValueSet.ConceptReferenceComponent::getCode)
					.doesNotHaveDuplicates()
					.contains("I10.x00x023", "E11.900", "I25.103", "I50.908", "J44.900", "N18.803", "B18.100", "G20.x00", "F20.900")
					.doesNotContain("J06.900", "J20.900", "J44.100");
		});
	}

	private static Map.Entry<String, ConceptMapEquivalence> target(String clinicalCode) {
		SourceElementComponent element = crosswalk().getGroup().get(0).getElement().stream()
				.filter(e -> e.getCode().equals(clinicalCode))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No mapping for " + clinicalCode));
		TargetElementComponent target = element.getTarget().get(0);
		return Map.entry(target.getCode(), target.getEquivalence());
	}

	private static Set<String> nonCategoryCodes(CodeSystem codeSystem) {
		return concepts(codeSystem).keySet().stream().filter(code -> !code.matches(CATEGORY)).collect(Collectors.toSet());
	}

	private static Map<String, ConceptDefinitionComponent> concepts(CodeSystem codeSystem) {
		Map<String, ConceptDefinitionComponent> all = new LinkedHashMap<>();
		collect(codeSystem.getConcept(), all);
		return all;
	}

	private static void collect(List<ConceptDefinitionComponent> concepts, Map<String, ConceptDefinitionComponent> all) {
		for (ConceptDefinitionComponent concept : concepts) {
			assertThat(all.put(concept.getCode(), concept)).as("duplicate code %s", concept.getCode()).isNull();
			collect(concept.getConcept(), all);
		}
	}

	private static ConceptMap crosswalk() {
		return conceptMap(CROSSWALK);
	}
}
