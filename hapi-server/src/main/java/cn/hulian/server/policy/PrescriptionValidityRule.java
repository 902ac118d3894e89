package cn.hulian.server.policy;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Period;
import org.springframework.stereotype.Component;

/**
 * A prescription is valid on the day it is issued, extended to at most 3 days; it supplies at most 7 days, more only
 * as long-term therapy of a chronic condition with the physician's stated reason, and never more than 12 weeks.
 */
@Component
public class PrescriptionValidityRule implements OnlineCareRule {

	static final int MAX_VALIDITY_DAYS = 3;
	static final int MAX_SUPPLY_DAYS = 7;
	static final int MAX_LONG_TERM_SUPPLY_DAYS = 12 * 7;
	private static final Map<String, Integer> DAYS_PER_UCUM_UNIT = Map.of("d", 1, "wk", 7, "mo", 30);

	@Override
	public String id() {
		return "IH-RX-VALIDITY-005";
	}

	@Override
	public String source() {
		return "处方管理办法 2007 第十八条、第十九条; 长期处方管理规范（试行）2021";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof MedicationRequest prescription)) {
			return List.of();
		}
		List<RuleViolation> violations = new ArrayList<>();
		Period validity = prescription.getDispenseRequest().getValidityPeriod();
		if (validity.hasStart() && validity.hasEnd()) {
			long days = ChronoUnit.DAYS.between(ChinaDates.day(validity.getStart()), ChinaDates.day(validity.getEnd())) + 1;
			if (days > MAX_VALIDITY_DAYS) {
				violations.add(new RuleViolation("MedicationRequest.dispenseRequest.validityPeriod",
						"policy.validity-too-long", days, MAX_VALIDITY_DAYS));
			}
		}
		Duration supply = prescription.getDispenseRequest().getExpectedSupplyDuration();
		if (supply.hasValue()) {
			checkSupply(prescription, supply, violations);
		}
		return violations;
	}

	private static void checkSupply(MedicationRequest prescription, Duration supply, List<RuleViolation> violations) {
		String path = "MedicationRequest.dispenseRequest.expectedSupplyDuration";
		Integer daysPerUnit = DAYS_PER_UCUM_UNIT.get(supply.getCode());
		if (!"http://unitsofmeasure.org".equals(supply.getSystem()) || daysPerUnit == null) {
			violations.add(new RuleViolation(path, "policy.supply-unit", supply.getCode()));
			return;
		}
		BigDecimal days = supply.getValue().multiply(BigDecimal.valueOf(daysPerUnit));
		if (days.compareTo(BigDecimal.valueOf(MAX_LONG_TERM_SUPPLY_DAYS)) > 0) {
			violations.add(new RuleViolation(path, "policy.supply-over-long-term-limit", days, MAX_LONG_TERM_SUPPLY_DAYS));
		} else if (days.compareTo(BigDecimal.valueOf(MAX_SUPPLY_DAYS)) > 0 && !isLongTermWithStatedReason(prescription)) {
			violations.add(new RuleViolation(path, "policy.supply-too-long", days, MAX_SUPPLY_DAYS));
		}
	}

	/** Long-term therapy ({@code courseOfTherapyType} continuous) whose physician wrote down why, in a note. */
	private static boolean isLongTermWithStatedReason(MedicationRequest prescription) {
		boolean continuous = prescription.getCourseOfTherapyType().getCoding().stream()
				.anyMatch(coding -> "continuous".equals(coding.getCode()));
		return continuous && prescription.getNote().stream().anyMatch(note -> note.hasText() && !note.getText().isBlank());
	}
}
