package cn.hulian.server.limits;

import cn.hulian.server.input.Utf8RequestFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the request size and Bundle entry limits, and the UTF-8 check, in front of the FHIR endpoint. */
@Configuration
public class RequestLimitsConfig {

	@Bean
	public FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(RequestLimitProperties limits) {
		FilterRegistrationBean<RequestSizeLimitFilter> registration =
				new FilterRegistrationBean<>(new RequestSizeLimitFilter(limits));
		registration.addUrlPatterns("/fhir/*");
		return registration;
	}

	@Bean
	public FilterRegistrationBean<Utf8RequestFilter> utf8RequestFilter() {
		FilterRegistrationBean<Utf8RequestFilter> registration = new FilterRegistrationBean<>(new Utf8RequestFilter());
		registration.addUrlPatterns("/fhir/*");
		return registration;
	}

	@Bean
	public BundleEntryLimitInterceptor bundleEntryLimitInterceptor(RequestLimitProperties limits) {
		return new BundleEntryLimitInterceptor(limits);
	}
}
