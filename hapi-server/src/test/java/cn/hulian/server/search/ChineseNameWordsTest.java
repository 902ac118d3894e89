package cn.hulian.server.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;

class ChineseNameWordsTest {

	@Test
	void aNameIsWrittenWholeThenInPinyinByCharacterByPartAndWhole() {
		Patient patient = new Patient();
		patient.addName().setFamily("张").addGiven("晓明");

		assertThat(pinyinWords(patient)).containsExactly("张晓明", "zhang", "xiao", "ming", "xiaoming", "zhangxiaoming");
	}

	@Test
	void everyReadingOfACharacterIsKept() {
		Practitioner practitioner = new Practitioner();
		practitioner.addName(new HumanName().setText("曾伟"));

		assertThat(pinyinWords(practitioner)).contains("zeng", "ceng", "wei", "zengwei", "cengwei");
	}

	@Test
	void recordsWithoutAChineseNameKeepTheirWords() {
		Patient latin = new Patient();
		latin.addName().setFamily("Li").addGiven("Ming");

		assertThat(ChineseNameWords.addedTo("li ming", latin)).isEqualTo("li ming");
		assertThat(ChineseNameWords.addedTo("张伟", new Observation())).isEqualTo("张伟");
	}

	/** The words added after HAPI's own. */
	private static List<String> pinyinWords(IBaseResource resource) {
		String content = ChineseNameWords.addedTo("words", resource);
		assertThat(content).startsWith("words\n");
		return Arrays.asList(content.substring("words\n".length()).split(" "));
	}
}
