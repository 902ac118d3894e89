package cn.hulian.bench.generate;

import static cn.hulian.bench.generate.Systems.CODE_SYSTEM;
import static cn.hulian.bench.generate.Systems.PROFILE;

import java.time.LocalDate;
import java.util.Random;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/** The chronic-disease management the follow-up starts: a family-doctor team, a goal and a plan, and the measurements. */
final class ChronicCare {

	private ChronicCare() {}

	static CareTeam familyDoctorTeam(CareStory story) {
		LocalDate start = story.followUp().toLocalDate();
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.getMeta().addProfile(PROFILE + "cn-family-doctor-team");
		team.setName(CareSetting.PHYSICIAN_NAME + "家庭医生团队（" + story.disease().clinicalName + "）");
		team.setSubject(new Reference(story.url("Patient")));
		team.getPeriod().setStartElement(ChinaTime.day(start)).setEndElement(ChinaTime.day(start.plusYears(1)));
		team.addParticipant().addRole(teamRole("family-doctor", "家庭医生"))
				.setMember(new Reference(CareSetting.PHYSICIAN).setDisplay(CareSetting.PHYSICIAN_NAME));
		team.addParticipant().addRole(teamRole("pharmacist", "药师"))
				.setMember(new Reference(CareSetting.PHARMACIST).setDisplay(CareSetting.PHARMACIST_NAME));
		team.addManagingOrganization(new Reference(CareSetting.HOSPITAL));
		return team;
	}

	static Goal goal(CareStory story) {
		ChronicDisease.Target target = story.disease().target;
		LocalDate start = story.followUp().toLocalDate();
		Goal goal = new Goal().setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		goal.getMeta().addProfile(PROFILE + "cn-chronic-disease-goal");
		goal.setAchievementStatus(new CodeableConcept(
				new Coding("http://terminology.hl7.org/CodeSystem/goal-achievement", "in-progress", "In Progress")));
		goal.getDescription().setText(target.description());
		goal.setSubject(new Reference(story.url("Patient")));
		goal.setStart(ChinaTime.date(start));
		goal.addTarget()
				.setMeasure(Measurement.loinc(target.loincCode(), target.loincDisplay()))
				.setDetail(new Range().setHigh(Measurement.quantity(target.highValue(), target.unit(), target.ucumCode())))
				.setDue(ChinaTime.date(start.plusMonths(6)));
		goal.addAddresses(new Reference(story.url("Condition")));
		return goal;
	}

	/** A year of monthly online follow-ups, with the prescription as one of its activities. */
	static CarePlan plan(CareStory story) {
		LocalDate start = story.followUp().toLocalDate();
		ChronicDisease disease = story.disease();
		CarePlan plan = new CarePlan().setStatus(CarePlan.CarePlanStatus.ACTIVE).setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.getMeta().addProfile(PROFILE + "cn-chronic-disease-plan");
		plan.addExtension(Systems.EXTENSION + "cn-chronic-disease", disease.diagnosis());
		plan.setTitle(disease.clinicalName + "慢病管理计划");
		plan.setSubject(new Reference(story.url("Patient")));
		plan.getPeriod().setStartElement(ChinaTime.day(start)).setEndElement(ChinaTime.day(start.plusYears(1)));
		plan.setCreatedElement(ChinaTime.day(start));
		plan.setAuthor(new Reference(CareSetting.PHYSICIAN));
		plan.addCareTeam(new Reference(story.url("CareTeam")));
		plan.addAddresses(new Reference(story.url("Condition")));
		plan.addGoal(new Reference(story.url("Goal")));
		Timing monthly = new Timing();
		monthly.getRepeat().setBounds(new org.hl7.fhir.r4.model.Period().setStartElement(ChinaTime.day(start.plusMonths(1))))
				.setFrequency(1).setPeriod(1).setPeriodUnit(Timing.UnitsOfTime.MO);
		plan.addActivity().getDetail()
				.setKind(CarePlan.CarePlanActivityKind.APPOINTMENT)
				.setCode(new CodeableConcept().setText(disease.clinicalName + "线上复诊随访（" + story.channelName() + "）"))
				.setStatus(CarePlan.CarePlanActivityStatus.SCHEDULED)
				.setScheduled(monthly)
				.addPerformer(new Reference(CareSetting.PHYSICIAN));
		plan.addActivity().setReference(new Reference(story.url("MedicationRequest")));
		return plan;
	}

	/** The {@code number}th measurement of the story. */
	static Observation measurement(CareStory story, int number, Random random) {
		Observation observation = story.measurements().get(number).observe(random);
		observation.setSubject(new Reference(story.url("Patient")));
		observation.setEffective(ChinaTime.at(story.measured().get(number)));
		return observation;
	}

	private static CodeableConcept teamRole(String code, String display) {
		return new CodeableConcept(new Coding(CODE_SYSTEM + "family-doctor-team-role", code, display));
	}
}
