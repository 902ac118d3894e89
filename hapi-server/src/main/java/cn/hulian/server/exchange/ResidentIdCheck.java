package cn.hulian.server.exchange;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.fhirpath.IFhirPath;
import cn.hulian.server.packages.FhirPackageLoader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.springframework.stereotype.Component;

/**
 * Whether a resident ID card number (居民身份证号码, GB 11643) is well formed: 17 digits and the ISO 7064 MOD 11-2
 * check character. The rule is the {@code cn-patient} profile's invariant {@value #CONSTRAINT}, evaluated from the
 * bundled profile itself, so that matching and validation on write can never disagree about it. It is evaluated by
 * the R5 FHIRPath engine, as the validator does: the R4 engine fails on the rule's long sum of terms.
 */
@Component
public class ResidentIdCheck {

	/** The identifier system of resident ID card numbers. */
	public static final String SYSTEM = "urn:oid:2.16.156.10011.1.3";
	static final String PROFILE = "http://hulian.cn/fhir/StructureDefinition/cn-patient";
	static final String CONSTRAINT = "cn-pat-1";

	private final FhirContext fhirContext;
	private final IFhirPath fhirPath;
	private final IFhirPath.IParsedExpression rule;

	public ResidentIdCheck(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
		this.fhirPath = FhirContext.forR5Cached().newFhirPath();
		try {
			this.rule = fhirPath.parse(expression());
		} catch (Exception e) {
			throw new IllegalStateException("The " + CONSTRAINT + " rule of " + PROFILE + " is not valid FHIRPath", e);
		}
	}

	/** Whether {@code number} is a well-formed resident ID card number. */
	public boolean isValid(String number) {
		if (number == null || number.isEmpty()) {
			return false;
		}
		var identifier = new org.hl7.fhir.r5.model.Identifier().setSystem(SYSTEM).setValue(number);
		// The FHIRPath engine keeps state while it evaluates.
		synchronized (fhirPath) {
			return fhirPath.evaluateFirst(identifier, rule, org.hl7.fhir.r5.model.BooleanType.class)
					.map(org.hl7.fhir.r5.model.BooleanType::booleanValue)
					.orElse(false);
		}
	}

	/** The resident ID card numbers {@code patient} carries, well formed or not. */
	public static List<String> numbers(Patient patient) {
		return patient.getIdentifier().stream()
				.filter(identifier -> SYSTEM.equals(identifier.getSystem()) && identifier.hasValue())
				.map(Identifier::getValue)
				.toList();
	}

	/** The well-formed resident ID card numbers {@code patient} carries. */
	public Set<String> validNumbers(Patient patient) {
		return numbers(patient).stream().filter(this::isValid).collect(Collectors.toUnmodifiableSet());
	}

	private String expression() {
		String json = FhirPackageLoader.bundledResource(PROFILE)
				.orElseThrow(() -> new IllegalStateException(PROFILE + " is not in the bundled FHIR packages"));
		StructureDefinition profile = fhirContext.newJsonParser().parseResource(StructureDefinition.class, json);
		return Stream.concat(profile.getSnapshot().getElement().stream(), profile.getDifferential().getElement().stream())
				.flatMap(element -> element.getConstraint().stream())
				.filter(constraint -> CONSTRAINT.equals(constraint.getKey()))
				.map(ElementDefinition.ElementDefinitionConstraintComponent::getExpression)
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(PROFILE + " has no rule " + CONSTRAINT));
	}
}
