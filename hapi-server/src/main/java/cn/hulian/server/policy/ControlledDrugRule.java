package cn.hulian.server.policy;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * No narcotic, psychotropic or other specially controlled drug is prescribed online. The drug's class is the
 * {@code controlled-class} property of its NHSA drug code in the terminology package.
 */
@Component
public class ControlledDrugRule implements OnlineCareRule {

	static final String NHSA_DRUG_CODES = "http://hulian.cn/fhir/CodeSystem/nhsa-drug-code";
	static final String CONTROLLED_CLASS = "controlled-class";
	static final String NOT_CONTROLLED = "none";

	private final IValidationSupport terminology;

	/** {@code terminology}: HAPI's validation support over the code systems stored in the server (cached). */
	public ControlledDrugRule(@Qualifier("myJpaValidationSupportChain") IValidationSupport terminology) {
		this.terminology = terminology;
	}

	@Override
	public String id() {
		return "IH-RX-CONTROLLED-003";
	}

	@Override
	public String source() {
		return "互联网诊疗管理办法（试行）2018 第十九条";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof MedicationRequest prescription) || !prescription.hasMedicationCodeableConcept()) {
			return List.of();
		}
		List<RuleViolation> violations = new ArrayList<>();
		List<Coding> codings = prescription.getMedicationCodeableConcept().getCoding();
		for (int i = 0; i < codings.size(); i++) {
			Coding coding = codings.get(i);
			if (!NHSA_DRUG_CODES.equals(coding.getSystem())) {
				continue;
			}
			int index = i;
			controlledClass(coding.getCode())
					.filter(controlledClass -> !NOT_CONTROLLED.equals(controlledClass))
					.ifPresent(controlledClass -> violations.add(new RuleViolation(
							"MedicationRequest.medicationCodeableConcept.coding[" + index + "]",
							"policy.controlled-drug", coding.getCode(), controlledClass)));
		}
		return violations;
	}

	/** The drug's class from the NHSA drug code system the server holds; empty for a code it does not know. */
	private Optional<String> controlledClass(String code) {
		CodeSystem drugs = (CodeSystem) terminology.fetchCodeSystem(NHSA_DRUG_CODES);
		if (drugs == null) {
			return Optional.empty();
		}
		return drugs.getConcept().stream()
				.filter(concept -> concept.getCode().equals(code))
				.flatMap(concept -> concept.getProperty().stream())
				.filter(property -> CONTROLLED_CLASS.equals(property.getCode()) && property.hasValueCodeType())
				.map(property -> property.getValueCodeType().getValue())
				.findFirst();
	}
}
