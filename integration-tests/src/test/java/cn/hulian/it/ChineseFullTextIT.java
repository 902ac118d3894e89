package cn.hulian.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Full-text search in Chinese: {@code _content} (the whole record) and {@code _text} (its narrative) find a Chinese
 * word, not the records that only share a character or a character pair with it.
 */
class ChineseFullTextIT extends ServerTestSupport {

	private String patient;
	private String hypertension;
	private String bloodSugar;
	private String highBloodSugar;

	@BeforeEach
	void storeNotes() {
		patient = "Patient/" + client.create().resource(new Patient()).execute().getId().getIdPart();
		hypertension = storeCondition("患者高血压三年，规律服药", "高血压随访");
		bloodSugar = storeCondition("血糖偏高，建议复查", "血糖复查");
		highBloodSugar = storeCondition("高血糖，饮食控制", "糖尿病随访");
	}

	@Test
	void aChineseWordFindsTheRecordsThatContainIt() {
		assertThat(conditions("_content", "高血压")).containsExactly(hypertension);
		assertThat(conditions("_content", "血糖")).containsExactlyInAnyOrder(bloodSugar, highBloodSugar);
		assertThat(conditions("_content", "饮食控制")).containsExactly(highBloodSugar);
		// 高血 is in 高血压 and 高血糖; 血压 only in 高血压.
		assertThat(conditions("_content", "高血")).containsExactlyInAnyOrder(hypertension, highBloodSugar);
		assertThat(conditions("_content", "血压")).containsExactly(hypertension);
	}

	@Test
	void textSearchesTheNarrativeOnly() {
		assertThat(conditions("_text", "随访")).containsExactlyInAnyOrder(hypertension, highBloodSugar);
		assertThat(conditions("_text", "高血压")).containsExactly(hypertension);
		assertThat(conditions("_text", "饮食")).isEmpty();
	}

	@Test
	void alternativesAndMixedWordsAreSearchedAsWritten() {
		assertThat(conditions("_content", "高血压,饮食")).containsExactlyInAnyOrder(hypertension, highBloodSugar);
		assertThat(conditions("_content", "血糖 复查")).containsExactly(bloodSugar);
		assertThat(conditions("_content", "\"高血糖\"")).containsExactly(highBloodSugar);
	}

	/** {@code _content} covers a record's string elements (here the condition's text), {@code _text} its narrative. */
	private String storeCondition(String text, String narrative) {
		Condition condition = new Condition();
		condition.getSubject().setReference(patient);
		condition.getCode().setText(text);
		condition.getText().setStatus(Narrative.NarrativeStatus.GENERATED)
				.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\">" + narrative + "</div>");
		return client.create().resource(condition).execute().getId().getIdPart();
	}

	private List<String> conditions(String parameter, String value) {
		Bundle found = client.search()
				.byUrl("Condition?subject=" + patient + "&" + parameter + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))
				.returnBundle(Bundle.class).execute();
		return found.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}
}
