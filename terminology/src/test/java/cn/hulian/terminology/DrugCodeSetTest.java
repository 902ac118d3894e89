package cn.hulian.terminology;

import static cn.hulian.terminology.BuiltTerminologyPackage.RESOURCES;
import static cn.hulian.terminology.BuiltTerminologyPackage.VALIDATOR;
import static cn.hulian.terminology.BuiltTerminologyPackage.codeSystem;
import static cn.hulian.terminology.BuiltTerminologyPackage.valueSet;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ResultSeverityEnum;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeSystem.ConceptDefinitionComponent;
import org.hl7.fhir.r4.model.CodeSystem.ConceptPropertyComponent;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;

/**
 * The NHSA drug code subset as packaged: real NHSA product codes, each with its special-management class, and an
 * online-prescribable value set that holds exactly the drugs that are not specially controlled.
 */
class DrugCodeSetTest {


	private static final String DRUG_SYSTEM = "http://hulian.cn/fhir/CodeSystem/nhsa-drug-code";
	private static final String CONTROLLED_CLASS_SYSTEM = "http://hulian.cn/fhir/CodeSystem/controlled-drug-class";
	private static final Set<String> DRUG_RESOURCES = Set.of(DRUG_SYSTEM, "http://hulian.cn/fhir/ValueSet/cn-nhsa-drug",
			"http://hulian.cn/fhir/ValueSet/cn-online-prescribable-drug");

	/**
	 * A western-medicine product code: X, the 5-character classification (ATC 4th level), the generic-name code
	 * (letter and 3 digits), the dosage-form code (letter and 3 digits), 4 digits of specification and package, and
	 * the 5-digit enterprise code; or a 20-character Chinese-patent-medicine code starting with Z.
	 */
	private static final String NHSA_PRODUCT_CODE =
			"X[A-Z][0-9]{2}[A-Z]{2}[A-Z][0-9]{3}[A-Z][0-9]{3}[0-9]{4}[0-9]{5}|Z[A-Z][0-9]{2}[A-Z]{2}[A-Z][0-9]{4}[0-9]{4}[0-9]{5}";

	@Test
	void drugResourcesAreValidFhir() {
		assertThat(RESOURCES)
				.filteredOn(r -> DRUG_RESOURCES.contains(String.valueOf(url(r))))
				.hasSize(3)
				.allSatisfy(resource -> assertThat(VALIDATOR.validate(resource).getMessages())
						.filteredOn(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
						.isEmpty());
	}

	@Test
	void codesAreNhsaProductCodesOfTheDocumentedFormat() {
		CodeSystem drugs = codeSystem(DRUG_SYSTEM);

		assertThat(drugs.getContent()).isEqualTo(CodeSystem.CodeSystemContentMode.FRAGMENT);
		assertThat(drugs.getCaseSensitive()).isTrue();
		assertThat(drugs.getConcept()).hasSize(drugs.getCount()).hasSizeGreaterThanOrEqualTo(30)
				.extracting(ConceptDefinitionComponent::getCode).doesNotHaveDuplicates()
				.allSatisfy(code -> assertThat(code).matches(NHSA_PRODUCT_CODE));
		assertThat(drugs.getConcept()).allSatisfy(concept -> {
			assertThat(concept.getDisplay()).isNotBlank();
			assertThat(concept.getDesignation()).anySatisfy(d -> assertThat(d.getLanguage()).isEqualTo("en"));
			assertThat(property(concept, "source")).isPresent();
		});
	}

	@Test
	void classificationPartOfEachCodeIsTheAtcGroupOfItsDrug() {
		List<ConceptDefinitionComponent> withAtc = codeSystem(DRUG_SYSTEM).getConcept().stream()
				.filter(concept -> property(concept, "atc").isPresent())
				.toList();

		assertThat(withAtc).isNotEmpty().allSatisfy(concept -> assertThat(concept.getCode().substring(1, 6))
				.as(concept.getDisplay())
				.isEqualTo(property(concept, "atc").orElseThrow().getValue().primitiveValue().substring(0, 5)));
	}

	@Test
	void everyDrugHasOneControlledClassOfTheControlledDrugClassSystem() {
		CodeSystem drugs = codeSystem(DRUG_SYSTEM);
		Set<String> classes = codeSystem(CONTROLLED_CLASS_SYSTEM).getConcept().stream()
				.map(ConceptDefinitionComponent::getCode)
				.collect(Collectors.toSet());

		assertThat(drugs.getProperty()).filteredOn(p -> p.getCode().equals("controlled-class"))
				.singleElement()
				.satisfies(p -> {
					assertThat(p.getType()).isEqualTo(CodeSystem.PropertyType.CODE);
					assertThat(p.getUri()).isEqualTo(CONTROLLED_CLASS_SYSTEM);
				});
		assertThat(drugs.getConcept()).allSatisfy(concept -> assertThat(concept.getProperty())
				.filteredOn(p -> p.getCode().equals("controlled-class"))
				.singleElement()
				.satisfies(p -> assertThat(p.getValueCodeType().getValue()).isIn(classes)));
	}

	@Test
	void onlinePrescribableValueSetHoldsEveryUncontrolledDrugAndNoControlledOne() {
		Map<String, String> classByCode = codeSystem(DRUG_SYSTEM).getConcept().stream()
				.collect(Collectors.toMap(ConceptDefinitionComponent::getCode, DrugCodeSetTest::controlledClass));
		ValueSet online = valueSet("http://hulian.cn/fhir/ValueSet/cn-online-prescribable-drug");

		assertThat(online.getCompose().getInclude()).singleElement().satisfies(include -> {
			assertThat(include.getSystem()).isEqualTo(DRUG_SYSTEM);
			assertThat(include.getFilter()).isEmpty();
			assertThat(include.getConcept()).extracting(ValueSet.ConceptReferenceComponent::getCode)
					.doesNotHaveDuplicates()
					.allSatisfy(code -> assertThat(classByCode).containsEntry(code, "none"))
					.containsExactlyInAnyOrderElementsOf(classByCode.entrySet().stream()
							.filter(e -> e.getValue().equals("none"))
							.map(Map.Entry::getKey)
							.toList());
		});
		assertThat(classByCode).containsValues("narcotic", "psychotropic-2", "precursor");
	}

	@Test
	void allDrugsValueSetIncludesTheWholeCodeSystem() {
		assertThat(valueSet("http://hulian.cn/fhir/ValueSet/cn-nhsa-drug").getCompose().getInclude())
				.singleElement()
				.satisfies(include -> {
					assertThat(include.getSystem()).isEqualTo(DRUG_SYSTEM);
					assertThat(include.getConcept()).isEmpty();
					assertThat(include.getFilter()).isEmpty();
				});
	}

	@Test
	void controlledDrugsHaveTheirCatalogueClass() {
		// 麻醉药品品种目录 (2013): morphine, oxycodone, fentanyl, pethidine, codeine, methadone.
		assertThat(classOf("盐酸吗啡缓释片")).isEqualTo("narcotic");
		assertThat(classOf("盐酸羟考酮缓释片")).isEqualTo("narcotic");
		assertThat(classOf("芬太尼透皮贴剂")).isEqualTo("narcotic");
		assertThat(classOf("盐酸哌替啶注射液")).isEqualTo("narcotic");
		assertThat(classOf("磷酸可待因片")).isEqualTo("narcotic");
		// 精神药品品种目录 (2013), class II: midazolam.
		assertThat(classOf("咪达唑仑口服溶液")).isEqualTo("psychotropic-2");
		// 药品类易制毒化学品品种目录 (2010): ergometrine and its single-ingredient preparations.
		assertThat(classOf("马来酸麦角新碱注射液")).isEqualTo("precursor");
		// Chronic-disease drugs are not specially controlled.
		assertThat(classOf("沙库巴曲缬沙坦钠片")).isEqualTo("none");
		assertThat(classOf("恩替卡韦颗粒")).isEqualTo("none");
	}

	@Test
	void knownCodesStandForTheirDrugs() {
		Map<String, String> displayByCode = codeSystem(DRUG_SYSTEM).getConcept().stream()
				.collect(Collectors.toMap(ConceptDefinitionComponent::getCode, ConceptDefinitionComponent::getDisplay));

		assertThat(displayByCode)
				.containsEntry("XN02AAM022A010010100978", "盐酸吗啡缓释片")
				.containsEntry("XN05CDM084X001010102000", "咪达唑仑口服溶液")
				.containsEntry("XC09DXS255A001010101606", "沙库巴曲缬沙坦钠片");
	}

	private static String classOf(String display) {
		return codeSystem(DRUG_SYSTEM).getConcept().stream()
				.filter(concept -> concept.getDisplay().equals(display))
				.map(DrugCodeSetTest::controlledClass)
				.findFirst()
				.orElseThrow(() -> new AssertionError("no drug " + display));
	}

	private static String controlledClass(ConceptDefinitionComponent concept) {
		return property(concept, "controlled-class").orElseThrow().getValueCodeType().getValue();
	}

	private static Optional<ConceptPropertyComponent> property(ConceptDefinitionComponent concept, String code) {
		return concept.getProperty().stream().filter(p -> p.getCode().equals(code)).findFirst();
	}

	private static String url(IBaseResource resource) {
		if (resource instanceof CodeSystem cs) {
			return cs.getUrl();
		}
		return resource instanceof ValueSet vs ? vs.getUrl() : null;
	}
}
