package com.winwinmbs.portal.api.internal.namespaces;

import com.winwinmbs.portal.api.RequestOptions;
import com.winwinmbs.portal.api.internal.Call;
import com.winwinmbs.portal.api.internal.Endpoints;
import com.winwinmbs.portal.api.internal.RequestExecutor;
import com.winwinmbs.portal.api.otp.OtpApi;
import com.winwinmbs.portal.api.otp.OtpChallenge;
import com.winwinmbs.portal.api.otp.OtpRequest;
import com.winwinmbs.portal.api.otp.OtpVerification;
import com.winwinmbs.portal.api.otp.OtpVerifyRequest;
import java.util.Objects;

/** The client's {@link OtpApi}: each route as one call through the pipeline. */
public final class DefaultOtpApi implements OtpApi {

  private final RequestExecutor executor;
  private final RequestOptions options;

  public DefaultOtpApi(RequestExecutor executor) {
    this(executor, RequestOptions.none());
  }

  private DefaultOtpApi(RequestExecutor executor, RequestOptions options) {
    this.executor = Objects.requireNonNull(executor, "executor == null");
    this.options = options;
  }

  @Override
  public OtpApi withOptions(RequestOptions options) {
    return new DefaultOtpApi(
        executor, this.options.with(Objects.requireNonNull(options, "options == null")));
  }

  @Override
  public OtpChallenge request(OtpRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.OTP_REQUEST).json(request).options(options), OtpChallenge.class);
  }

  @Override
  public OtpVerification verify(OtpVerifyRequest request) {
    Objects.requireNonNull(request, "request == null");
    return executor.execute(
        Call.to(Endpoints.OTP_VERIFY).json(request).secret(request.code()).options(options),
        OtpVerification.class);
  }
}
