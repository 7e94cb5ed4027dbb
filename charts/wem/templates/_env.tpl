{{/*
Container environment of one service: the Quarkus/MicroProfile configuration the chart owns.
Names follow MicroProfile's env-var mapping (quarkus.datasource.jdbc.url -> QUARKUS_DATASOURCE_JDBC_URL);
charts-tests/ConfigDriftTest checks each name against the services' configuration files.
Never set QUARKUS_OIDC_CLIENT_*: those names are ambiguous between quarkus.oidc.* and quarkus.oidc-client.*.
Call with (dict "ctx" $ "key" "signal" "svc" $svc "migrateAtStart" true "inlineSecret" "");
inlineSecret, when set, names the Secret that holds the service's inline values instead of the release Secrets
(the migration Job's hook Secret: the release Secrets do not exist yet before the first install).
*/}}
{{- define "wem.env" -}}
{{- $ctx := .ctx }}{{- $v := $ctx.Values }}{{- $svc := .svc }}{{- $key := .key }}
{{- $fullname := include "wem.fullname" $ctx }}
{{- $url := printf "http://%s-%%s:%v" $fullname $v.service.port -}}
- name: QUARKUS_HTTP_PORT
  value: "8080"
{{- /* Health, metrics, OpenAPI and Swagger UI (/q/*) answer only here, never on the public port. */}}
- name: QUARKUS_MANAGEMENT_PORT
  value: "9000"
- name: WEM_LOG_JSON
  value: {{ $v.logging.json | quote }}
{{- /* Replaces the image's JAVA_OPTS_APPEND, so it repeats the log manager setting of Dockerfile.jvm. */}}
- name: JAVA_OPTS_APPEND
  value: {{ printf "-Djava.util.logging.manager=org.jboss.logmanager.LogManager %s" $v.javaOpts | trim | quote }}
- name: QUARKUS_FLYWAY_MIGRATE_AT_START
  value: {{ .migrateAtStart | quote }}
{{- /* Kafka: every kafka.* setting is passed to all channels (KAFKA_X_Y -> x.y). */}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required: the Kafka bootstrap servers as host:port[,host:port] (Strimzi: <cluster>-kafka-bootstrap.<namespace>.svc:9092)" $v.kafka.bootstrapServers | quote }}
- name: WEM_KAFKA_TOPIC_PREFIX
  value: {{ $v.kafka.topicPrefix | quote }}
- name: KAFKA_SECURITY_PROTOCOL
  value: {{ $v.kafka.securityProtocol | quote }}
{{- if hasPrefix "SASL_" $v.kafka.securityProtocol }}
- name: KAFKA_SASL_MECHANISM
  value: {{ $v.kafka.sasl.mechanism | quote }}
{{- /* The service's own principal: its Secret, else its KafkaUser's (Strimzi names it after the user), else the
       one shared by all services. */}}
{{- $ownUser := ternary (printf "%s%s-service" $v.kafka.users.principalPrefix $key) "" $v.kafka.users.create }}
{{- $saslSecret := $svc.kafka.existingSecret | default $ownUser | default $v.kafka.sasl.existingSecret }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ required "kafka.securityProtocol SASL_* needs each service's JAAS Secret: kafka.users.create, services.<key>.kafka.existingSecret or kafka.sasl.existingSecret" $saslSecret }}
      key: {{ $v.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if hasSuffix "SSL" $v.kafka.securityProtocol }}
{{- $ts := $v.kafka.tls.truststore }}
{{- $_ := required "kafka.tls.truststore.existingSecret is required when kafka.securityProtocol is SSL or SASL_SSL" $ts.existingSecret }}
- name: KAFKA_SSL_TRUSTSTORE_TYPE
  value: {{ $ts.type }}
- name: KAFKA_SSL_TRUSTSTORE_LOCATION
  value: /etc/wem/kafka-truststore/{{ $ts.fileKey }}
{{- if ne $ts.type "PEM" }}
- name: KAFKA_SSL_TRUSTSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $ts.existingSecret }}
      key: {{ $ts.passwordKey }}
{{- end }}
{{- with $v.kafka.tls.keystore }}{{ if .existingSecret }}
- name: KAFKA_SSL_KEYSTORE_TYPE
  value: {{ .type }}
- name: KAFKA_SSL_KEYSTORE_LOCATION
  value: /etc/wem/kafka-keystore/{{ .fileKey }}
- name: KAFKA_SSL_KEYSTORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .passwordKey }}
{{- end }}{{ end }}
{{- end }}
{{- /* PostgreSQL */}}
{{- $db := $svc.database }}
{{- $jdbcUrl := $db.jdbcUrl }}
{{- if not $jdbcUrl }}
{{- $host := required (printf "postgresql.host is required: the PostgreSQL host (or set services.%s.database.jdbcUrl)" $key) $v.postgresql.host }}
{{- $jdbcUrl = printf "jdbc:postgresql://%s:%v/%s%s" $host $v.postgresql.port $db.name (ternary (printf "?%s" $v.postgresql.parameters) "" (ne $v.postgresql.parameters "")) }}
{{- end }}
- name: QUARKUS_DATASOURCE_JDBC_URL
  value: {{ $jdbcUrl | quote }}
- name: QUARKUS_DATASOURCE_USERNAME
  value: {{ $db.username | quote }}
- name: QUARKUS_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "wem.secretName" (dict "existing" $db.existingSecret "inline" $db.password "hook" $.inlineSecret "release" (printf "%s-%s-db" $fullname $key)) }}
      key: {{ ternary $db.existingSecretPasswordKey "password" (ne $db.existingSecret "") }}
{{- /* Keycloak */}}
- name: QUARKUS_OIDC_AUTH_SERVER_URL
  value: {{ required "keycloak.issuerUrl is required: the issuer of realm wem exactly as tokens carry it, e.g. https://keycloak.example.com/realms/wem" $v.keycloak.issuerUrl | quote }}
{{- with $svc.oidc }}
- name: WEM_OIDC_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "wem.secretName" (dict "existing" .existingSecret "inline" .clientSecret "hook" $.inlineSecret "release" (printf "%s-%s-oidc" $fullname $key)) }}
      key: {{ ternary .existingSecretKey "client-secret" (ne .existingSecret "") }}
{{- end }}
{{- /* Signed messages: this service's private key, and the public keys of every service (empty = not trusted). */}}
- name: WEM_SIGNING_PRIVATE_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "wem.secretName" (dict "existing" $svc.signing.existingSecret "inline" $svc.signing.privateKey "hook" $.inlineSecret "release" (printf "%s-%s-signing" $fullname $key)) }}
      key: {{ ternary $svc.signing.existingSecretKey "private-key" (ne $svc.signing.existingSecret "") }}
{{- range $name := list "signal" "coaching" "governance" "wellbeing" }}
- name: WEM_SIGNING_PUBLIC_KEYS_{{ upper $name }}_SERVICE
  value: {{ index $v.signing.publicKeys $name | quote }}
{{- end }}
{{- /* Calls between the services (each listens on the same Service port): every REST client's URL refers to
       wem.services.<service>-url, so one name per peer. */}}
{{- range $peer := list "signal" "coaching" "governance" "wellbeing" }}
- name: WEM_SERVICES_{{ upper $peer }}_URL
  value: {{ printf $url $peer | quote }}
{{- end }}
{{- if eq $key "governance" }}
- name: WEM_GOVERNANCE_KEYCLOAK_ADMIN_URL
  value: {{ $v.keycloak.adminUrl | default (regexReplaceAll "/realms/[^/]+/?$" $v.keycloak.issuerUrl "") | quote }}
{{- /* The audit chain's HMAC key; the schema owner's login only where Flyway runs (the migration Job, or atStart). */}}
- name: WEM_AUDIT_HMAC_KEY
  valueFrom:
    secretKeyRef:
      name: {{ $svc.audit.existingSecret | default (printf "%s-governance-audit" $fullname) }}
      key: {{ $svc.audit.hmacKeyKey }}
- name: WEM_GOVERNANCE_AUDIT_KEY_VERSION
  value: {{ $svc.audit.keyVersion | quote }}
{{- if .migrateAtStart }}
- name: WEM_FLYWAY_USERNAME
  value: {{ $svc.migrationDatabase.username | quote }}
- name: WEM_FLYWAY_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $svc.migrationDatabase.existingSecret | default (printf "%s-governance-db-owner" $fullname) }}
      key: {{ $svc.migrationDatabase.existingSecretPasswordKey }}
{{- end }}
{{- end }}
{{- with $svc.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/*
Name of the Secret behind one secret value: the user's existingSecret; else, for an inline value, the hook Secret when
one is given (migration Job) or the release Secret; else the release Secret's name, which the user then creates.
*/}}
{{- define "wem.secretName" -}}
{{- if .existing }}{{ .existing }}{{ else if and .inline .hook }}{{ .hook }}{{ else }}{{ .release }}{{ end }}
{{- end }}

{{/* Volumes for /tmp and the Kafka TLS stores; mounts in "wem.volumeMounts". */}}
{{- define "wem.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.tmpVolumeSizeLimit }}
{{- if hasSuffix "SSL" .Values.kafka.securityProtocol }}
- name: kafka-truststore
  secret:
    secretName: {{ .Values.kafka.tls.truststore.existingSecret }}
    items:
      - key: {{ .Values.kafka.tls.truststore.fileKey }}
        path: {{ .Values.kafka.tls.truststore.fileKey }}
{{- with .Values.kafka.tls.keystore }}{{ if .existingSecret }}
- name: kafka-keystore
  secret:
    secretName: {{ .existingSecret }}
    items:
      - key: {{ .fileKey }}
        path: {{ .fileKey }}
{{- end }}{{ end }}
{{- end }}
{{- end }}

{{- define "wem.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
{{- if hasSuffix "SSL" .Values.kafka.securityProtocol }}
- name: kafka-truststore
  mountPath: /etc/wem/kafka-truststore
  readOnly: true
{{- if .Values.kafka.tls.keystore.existingSecret }}
- name: kafka-keystore
  mountPath: /etc/wem/kafka-keystore
  readOnly: true
{{- end }}
{{- end }}
{{- end }}
