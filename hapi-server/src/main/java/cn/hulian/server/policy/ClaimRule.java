package cn.hulian.server.policy;

import cn.hulian.server.onlinecare.StoredRecords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Claim;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.Organization;
import org.springframework.stereotype.Component;

/**
 * An insurance claim for online care is traceable to the care it pays for: it points to its encounter, a claim for
 * drugs points to the prescription, and the prescription it points to was approved by a pharmacist, and the regions it states agree with the records they come
 * from: the insured region with the Coverage's, the treatment region with the treating institution's. Whether the
 * claim is an off-site settlement then follows from those regions ({@link SettlementScopeTag}).
 */
@Component
public class ClaimRule implements OnlineCareRule {

	static final String INSURED_REGION = "http://hulian.cn/fhir/StructureDefinition/cn-insured-region";
	static final String TREATMENT_REGION = "http://hulian.cn/fhir/StructureDefinition/cn-treatment-region";
	static final String NHSA_DRUG_CODES = "http://hulian.cn/fhir/CodeSystem/nhsa-drug-code";

	private final StoredRecords records;
	private final PrescriptionReviews reviews;

	public ClaimRule(StoredRecords records, PrescriptionReviews reviews) {
		this.records = records;
		this.reviews = reviews;
	}

	@Override
	public String id() {
		return "IH-CLAIM-009";
	}

	@Override
	public String source() {
		return "医疗保障基金使用监督管理条例 2021; 国家医保局 关于积极推进“互联网+”医疗服务医保支付工作的指导意见 2020";
	}

	@Override
	public List<RuleViolation> check(IBaseResource resource) {
		if (!(resource instanceof Claim claim)) {
			return List.of();
		}
		List<RuleViolation> violations = new ArrayList<>();
		boolean pointsToEncounter = claim.getItem().stream()
				.flatMap(item -> item.getEncounter().stream())
				.anyMatch(encounter -> "Encounter".equals(encounter.getReferenceElement().getResourceType()));
		if (!pointsToEncounter) {
			violations.add(new RuleViolation("Claim.item.encounter", "policy.claim-without-encounter"));
		}
		if (claim.hasPrescription() || claimsDrugs(claim)) {
			checkPrescription(claim).ifPresent(violations::add);
		}
		Optional<String> insured = Regions.of(claim, INSURED_REGION);
		insured.flatMap(region -> claim.getInsurance().stream().findFirst()
						.flatMap(insurance -> records.resolve(insurance.getCoverage(), Coverage.class))
						.flatMap(coverage -> Regions.of(coverage, INSURED_REGION))
						.filter(coverageRegion -> !coverageRegion.equals(region)))
				.ifPresent(coverageRegion -> violations.add(new RuleViolation("Claim.extension('" + INSURED_REGION + "')",
						"policy.claim-insured-region", insured.get(), coverageRegion)));
		Optional<String> treatment = Regions.of(claim, TREATMENT_REGION);
		treatment.flatMap(region -> records.resolve(claim.getProvider(), Organization.class)
						.flatMap(Regions::of)
						.filter(institutionRegion -> !Regions.contains(region, institutionRegion)))
				.ifPresent(institutionRegion -> violations.add(new RuleViolation("Claim.extension('" + TREATMENT_REGION + "')",
						"policy.claim-treatment-region", treatment.get(), institutionRegion)));
		return violations;
	}

	private Optional<RuleViolation> checkPrescription(Claim claim) {
		String prescription = claim.getPrescription().getReferenceElement().toUnqualifiedVersionless().getValue();
		if (!"MedicationRequest".equals(claim.getPrescription().getReferenceElement().getResourceType())) {
			return Optional.of(new RuleViolation("Claim.prescription", "policy.claim-drugs-without-prescription"));
		}
		return reviews.outcomeFor(prescription) == PrescriptionReviews.Outcome.APPROVED
				? Optional.empty()
				: Optional.of(new RuleViolation("Claim.prescription", "policy.claim-prescription-not-approved", prescription));
	}

	/** A pharmacy claim, or one with an item coded as an NHSA drug. */
	private static boolean claimsDrugs(Claim claim) {
		boolean pharmacy = claim.getType().getCoding().stream().anyMatch(coding -> "pharmacy".equals(coding.getCode()));
		return pharmacy || claim.getItem().stream()
				.flatMap(item -> item.getProductOrService().getCoding().stream())
				.anyMatch(coding -> NHSA_DRUG_CODES.equals(coding.getSystem()));
	}
}
