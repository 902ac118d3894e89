package cn.hulian.server.limits;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the request size and Bundle entry limits in front of the FHIR endpoint. */
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
	public BundleEntryLimitInterceptor bundleEntryLimitInterceptor(RequestLimitProperties limits) {
		return new BundleEntryLimitInterceptor(limits);
	}
}
