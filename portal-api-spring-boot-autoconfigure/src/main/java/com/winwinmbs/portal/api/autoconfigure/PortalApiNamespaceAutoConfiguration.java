package com.winwinmbs.portal.api.autoconfigure;

import com.winwinmbs.portal.api.PortalApiClient;
import com.winwinmbs.portal.api.auth.AuthApi;
import com.winwinmbs.portal.api.email.EmailApi;
import com.winwinmbs.portal.api.eventlog.EventLogApi;
import com.winwinmbs.portal.api.files.FilesApi;
import com.winwinmbs.portal.api.health.HealthApi;
import com.winwinmbs.portal.api.line.LineApi;
import com.winwinmbs.portal.api.mcptoken.McpTokenApi;
import com.winwinmbs.portal.api.organization.OrganizationApi;
import com.winwinmbs.portal.api.otp.OtpApi;
import com.winwinmbs.portal.api.permission.PermissionApi;
import com.winwinmbs.portal.api.permissioncategory.PermissionCategoryApi;
import com.winwinmbs.portal.api.role.RoleApi;
import com.winwinmbs.portal.api.systemconfig.SystemConfigApi;
import com.winwinmbs.portal.api.tenant.TenantApi;
import com.winwinmbs.portal.api.todo.TodoApi;
import com.winwinmbs.portal.api.user.UserApi;
import com.winwinmbs.portal.api.webhook.WebhookApi;
import com.winwinmbs.portal.api.workflow.WorkflowApi;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration for the namespace beans of the default {@link PortalApiClient} ({@code
 * UserApi}, …) and the {@code portal} health indicator of every client. Runs after {@link
 * PortalApiAutoConfiguration}, so it sees the client beans, the application's included: the
 * namespace beans need one client (or a {@code @Primary} one) and back off otherwise.
 */
@AutoConfiguration(after = PortalApiAutoConfiguration.class)
@ConditionalOnClass(PortalApiClient.class)
public final class PortalApiNamespaceAutoConfiguration {

  /**
   * The namespaces of the client, one bean each, named {@code portal<Name>Api}: inject these rather
   * than the client. They come from the one (or the primary) {@link PortalApiClient}, the
   * application's included.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnSingleCandidate(PortalApiClient.class)
  static class NamespaceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    HealthApi portalHealthApi(PortalApiClient client) {
      return client.health();
    }

    @Bean
    @ConditionalOnMissingBean
    UserApi portalUserApi(PortalApiClient client) {
      return client.user();
    }

    @Bean
    @ConditionalOnMissingBean
    OrganizationApi portalOrganizationApi(PortalApiClient client) {
      return client.organization();
    }

    @Bean
    @ConditionalOnMissingBean
    RoleApi portalRoleApi(PortalApiClient client) {
      return client.role();
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionApi portalPermissionApi(PortalApiClient client) {
      return client.permission();
    }

    @Bean
    @ConditionalOnMissingBean
    PermissionCategoryApi portalPermissionCategoryApi(PortalApiClient client) {
      return client.permissionCategory();
    }

    @Bean
    @ConditionalOnMissingBean
    WorkflowApi portalWorkflowApi(PortalApiClient client) {
      return client.workflow();
    }

    @Bean
    @ConditionalOnMissingBean
    TodoApi portalTodoApi(PortalApiClient client) {
      return client.todo();
    }

    @Bean
    @ConditionalOnMissingBean
    FilesApi portalFilesApi(PortalApiClient client) {
      return client.files();
    }

    @Bean
    @ConditionalOnMissingBean
    EmailApi portalEmailApi(PortalApiClient client) {
      return client.email();
    }

    @Bean
    @ConditionalOnMissingBean
    OtpApi portalOtpApi(PortalApiClient client) {
      return client.otp();
    }

    @Bean
    @ConditionalOnMissingBean
    LineApi portalLineApi(PortalApiClient client) {
      return client.line();
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookApi portalWebhookApi(PortalApiClient client) {
      return client.webhook();
    }

    @Bean
    @ConditionalOnMissingBean
    SystemConfigApi portalSystemConfigApi(PortalApiClient client) {
      return client.systemConfig();
    }

    @Bean
    @ConditionalOnMissingBean
    EventLogApi portalEventLogApi(PortalApiClient client) {
      return client.eventLog();
    }

    @Bean
    @ConditionalOnMissingBean
    AuthApi portalAuthApi(PortalApiClient client) {
      return client.auth();
    }

    @Bean
    @ConditionalOnMissingBean
    TenantApi portalTenantApi(PortalApiClient client) {
      return client.tenant();
    }

    @Bean
    @ConditionalOnMissingBean
    McpTokenApi portalMcpTokenApi(PortalApiClient client) {
      return client.mcpToken();
    }
  }

  /**
   * The {@code portal} health indicator, asked only when the health endpoint is, with its own
   * timeout ({@code management.health.portal.timeout}) and no retries: the default client's, or
   * with named clients a composite of one indicator per client ({@code default} and each name).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("portal")
  @ConditionalOnSingleCandidate(PortalApiClient.class)
  @EnableConfigurationProperties(PortalApiHealthProperties.class)
  static class HealthIndicatorConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "portalHealthIndicator")
    HealthContributor portalHealthIndicator(
        ObjectProvider<PortalApiClient> client,
        ConfigurableListableBeanFactory beanFactory,
        PortalApiHealthProperties properties) {
      PortalApiHealthIndicator indicator =
          PortalApiHealthIndicator.of(client.getObject(), properties.getTimeout());
      Map<String, HealthContributor> clients = new LinkedHashMap<>();
      for (String name : beanFactory.getBeanNamesForType(PortalApiClient.class, true, false)) {
        Object clientName =
            beanFactory.containsBeanDefinition(name)
                ? beanFactory
                    .getBeanDefinition(name)
                    .getAttribute(PortalApiAutoConfiguration.CLIENT_NAME_ATTRIBUTE)
                : null;
        if (clientName != null) {
          clients.put(
              clientName.toString(),
              PortalApiHealthIndicator.of(
                  beanFactory.getBean(name, PortalApiClient.class), properties.getTimeout()));
        }
      }
      if (clients.isEmpty()) {
        return indicator;
      }
      Map<String, HealthContributor> all = new LinkedHashMap<>();
      all.put(PortalApiClientFactory.DEFAULT_CLIENT, indicator);
      all.putAll(clients);
      return CompositeHealthContributor.fromMap(all);
    }
  }
}
