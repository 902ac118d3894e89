package cn.hulian.server.search;

import cn.hulian.server.i18n.Pinyin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.StringType;

/**
 * The pinyin of the Chinese names of a person (Patient, Practitioner, RelatedPerson), added to the words
 * {@code _content} searches, so that {@code Patient?_content=zhang wei} finds 张伟. For each name it gives the pinyin
 * of each character, of the family name, of each given name and of the whole name, as people write names in Latin
 * letters: {@code zhang}, {@code wei} and {@code zhangwei}; for 张晓明 also {@code xiaoming} and {@code zhangxiaoming}.
 * A character with several readings gives them all (曾: {@code zeng} and {@code ceng}). The whole name is added in
 * characters too: HAPI indexes the family and given names apart (张 伟), where {@code _content=张伟} would not find
 * them. Nothing is added to the record itself.
 */
final class ChineseNameWords {

	private ChineseNameWords() {}

	/** {@code content} followed by the pinyin of {@code resource}'s names, if it is a person with a Chinese name. */
	static String addedTo(String content, IBaseResource resource) {
		String pinyin = String.join(" ", of(resource));
		return pinyin.isEmpty() ? content : content + "\n" + pinyin;
	}

	private static Set<String> of(IBaseResource resource) {
		Set<String> words = new LinkedHashSet<>();
		for (HumanName name : namesOf(resource)) {
			List<String> parts = new ArrayList<>();
			if (name.hasFamily()) {
				parts.add(name.getFamily());
			}
			name.getGiven().stream().map(StringType::getValue).filter(given -> given != null).forEach(parts::add);
			String whole = parts.isEmpty() ? name.getText() : String.join("", parts);
			if (whole == null || !Pinyin.hasChinese(whole)) {
				continue;
			}
			if (parts.size() > 1) {
				words.add(whole);
			}
			whole.codePoints().mapToObj(Character::toString).forEach(character -> words.addAll(Pinyin.spellings(character)));
			parts.forEach(part -> words.addAll(Pinyin.spellings(part)));
			words.addAll(Pinyin.spellings(whole));
		}
		return words;
	}

	private static List<HumanName> namesOf(IBaseResource resource) {
		if (resource instanceof Patient patient) {
			return patient.getName();
		}
		if (resource instanceof Practitioner practitioner) {
			return practitioner.getName();
		}
		if (resource instanceof RelatedPerson relatedPerson) {
			return relatedPerson.getName();
		}
		return List.of();
	}
}
