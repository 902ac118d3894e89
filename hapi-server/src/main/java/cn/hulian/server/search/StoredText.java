package cn.hulian.server.search;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.dao.BaseHapiFhirDao;
import ca.uhn.fhir.util.XmlUtil;
import java.util.List;
import javax.xml.stream.events.XMLEvent;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IDomainResource;

/**
 * The two texts HAPI puts in the full-text index for a record: its string values ({@code _content}, HAPI's own
 * extraction, with a person's Chinese names whole and in pinyin: {@link ChineseNameWords}) and the words of its narrative
 * ({@code _text}), which HAPI computes the same way but keeps private.
 */
final class StoredText {

	private StoredText() {}

	static String content(FhirContext fhirContext, IBaseResource resource) {
		return ChineseNameWords.addedTo(BaseHapiFhirDao.parseContentTextIntoWords(fhirContext, resource), resource);
	}

	static String narrative(IBaseResource resource) {
		if (!(resource instanceof IDomainResource domain) || domain.getText() == null || domain.getText().isEmpty()) {
			return "";
		}
		StringBuilder words = new StringBuilder();
		try {
			List<XMLEvent> events = XmlUtil.parse(domain.getText().getDivAsString());
			if (events != null) {
				events.stream().filter(XMLEvent::isCharacters)
						.forEach(event -> words.append(event.asCharacters().getData()).append(' '));
			}
		} catch (Exception unreadable) {
			// a narrative HAPI stored but cannot read back has no words to index, as in HAPI's own extraction
		}
		return words.toString();
	}
}
