package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Full-text search in Chinese, the same on both backends: the shared server's search engine and a second server with
 * the local Lucene index of the embedded default. {@code _content} (a record's text) and {@code _text} (its
 * narrative) find a Chinese word, not the records that only share a character or a character pair with it, and a
 * patient by the pinyin of the name.
 */
class ChineseFullTextIT extends ServerTestSupport {

	private static ServerProcess lucene;
	private static IGenericClient luceneClient;

	@BeforeAll
	static void startAServerWithTheLuceneIndex() {
		lucene = SharedServer.get().startAnother("lucene-search", Map.of("HULIAN_SEARCH_BACKEND", "lucene"));
		luceneClient = newClient(lucene.fhirBaseUrl());
	}

	@AfterAll
	static void stop() {
		lucene.stop();
	}

	static Stream<Arguments> backends() {
		return Stream.of(Arguments.of("shared server", newClient(SharedServer.get().fhirBaseUrl())),
				Arguments.of("lucene", luceneClient));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void aChineseWordFindsTheRecordsThatContainIt(String backend, IGenericClient fhir) {
		Notes notes = new Notes(fhir);
		assertThat(notes.find("_content", "高血压")).containsExactly(notes.hypertension);
		assertThat(notes.find("_content", "血糖")).containsExactlyInAnyOrder(notes.bloodSugar, notes.highBloodSugar);
		assertThat(notes.find("_content", "饮食控制")).containsExactly(notes.highBloodSugar);
		// 高血 is in 高血压 and 高血糖; 血压 only in 高血压.
		assertThat(notes.find("_content", "高血")).containsExactlyInAnyOrder(notes.hypertension, notes.highBloodSugar);
		assertThat(notes.find("_content", "血压")).containsExactly(notes.hypertension);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void textSearchesTheNarrativeOnly(String backend, IGenericClient fhir) {
		Notes notes = new Notes(fhir);
		assertThat(notes.find("_text", "随访")).containsExactlyInAnyOrder(notes.hypertension, notes.highBloodSugar);
		assertThat(notes.find("_text", "高血压")).containsExactly(notes.hypertension);
		assertThat(notes.find("_text", "饮食")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void alternativesAndMixedWordsAreSearchedAsWritten(String backend, IGenericClient fhir) {
		Notes notes = new Notes(fhir);
		assertThat(notes.find("_content", "高血压,饮食")).containsExactlyInAnyOrder(notes.hypertension, notes.highBloodSugar);
		assertThat(notes.find("_content", "血糖 复查")).containsExactly(notes.bloodSugar);
		assertThat(notes.find("_content", "\"高血糖\"")).containsExactly(notes.highBloodSugar);
		assertThat(notes.find("_content", "ＨＢＰ")).containsExactly(notes.hypertension);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("backends")
	void aPatientIsFoundByThePinyinOfTheName(String backend, IGenericClient fhir) {
		String zhangWei = patient(fhir, "张", "伟");
		String zhangXiaoming = patient(fhir, "张", "晓明");
		String wangFang = patient(fhir, "王", "芳");
		String these = "&_id=" + String.join(",", zhangWei, zhangXiaoming, wangFang);

		assertThat(patients(fhir, "zhang wei", these)).containsExactly(zhangWei);
		assertThat(patients(fhir, "zhangwei", these)).containsExactly(zhangWei);
		assertThat(patients(fhir, "Zhang Xiaoming", these)).containsExactly(zhangXiaoming);
		assertThat(patients(fhir, "zhang", these)).containsExactlyInAnyOrder(zhangWei, zhangXiaoming);
		assertThat(patients(fhir, "wang fang", these)).containsExactly(wangFang);
		assertThat(patients(fhir, "张伟", these)).as("the characters still").containsExactly(zhangWei);
	}

	private static String patient(IGenericClient fhir, String family, String given) {
		Patient patient = new Patient();
		patient.addName().setFamily(family).addGiven(given);
		return fhir.create().resource(patient).execute().getId().getIdPart();
	}

	private static List<String> patients(IGenericClient fhir, String content, String restriction) {
		return fhir.search().byUrl("Patient?_content=" + URLEncoder.encode(content, StandardCharsets.UTF_8) + restriction)
				.returnBundle(Bundle.class).execute().getEntry().stream()
				.map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}

	/** Three conditions of a new patient, stored through {@code fhir}. */
	private static final class Notes {
		final IGenericClient fhir;
		final String patient;
		final String hypertension;
		final String bloodSugar;
		final String highBloodSugar;

		Notes(IGenericClient fhir) {
			this.fhir = fhir;
			patient = "Patient/" + fhir.create().resource(new Patient()).execute().getId().getIdPart();
			hypertension = store("患者高血压三年 (HBP)，规律服药", "高血压随访");
			bloodSugar = store("血糖偏高，建议复查", "血糖复查");
			highBloodSugar = store("高血糖，饮食控制", "糖尿病随访");
		}

		/** {@code _content} covers a record's string elements (here the condition's text), {@code _text} its narrative. */
		private String store(String text, String narrative) {
			Condition condition = new Condition();
			condition.getSubject().setReference(patient);
			condition.getCode().setText(text);
			condition.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
					.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + narrative + "</div>");
			return fhir.create().resource(condition).execute().getId().getIdPart();
		}

		List<String> find(String parameter, String value) {
			Bundle found = fhir.search()
					.byUrl("Condition?subject=" + patient + "&" + parameter + "="
							+ URLEncoder.encode(value, StandardCharsets.UTF_8))
					.returnBundle(Bundle.class).execute();
			return found.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
		}
	}
}
