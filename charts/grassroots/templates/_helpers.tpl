{{/*
Helpers of the grassroots chart. Every name is prefixed with "grassroots." so that the chart can be
a dependency of another without clashes.
*/}}

{{/* The chart name, or nameOverride. */}}
{{- define "grassroots.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The prefix of every object name: fullnameOverride, else <release>-<name> (or <release> when it contains <name>). */}}
{{- define "grassroots.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "grassroots.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Name of one component's objects: (dict "root" $ "component" "organization") -> <fullname>-organization */}}
{{- define "grassroots.componentName" -}}
{{- printf "%s-%s" (include "grassroots.fullname" .root) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "grassroots.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "gateway") */}}
{{- define "grassroots.selectorLabels" -}}
app.kubernetes.io/name: {{ include "grassroots.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* All labels of one component's objects: (dict "root" $ "component" "gateway") */}}
{{- define "grassroots.labels" -}}
helm.sh/chart: {{ include "grassroots.chart" .root }}
{{ include "grassroots.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: grassroots
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- with .root.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
The services to deploy, as JSON: {"gateway": {...gateway values, "kind": "gateway"},
"<subgraph>": {...subgraphDefaults, then the subgraph's own keys (each replacing the default's as a
whole), "kind": "subgraph"}}. Only enabled ones. Use: include "grassroots.services" $ | fromJson.
Numbers come back as float64: print them through `int`.
*/}}
{{- define "grassroots.services" -}}
{{- $services := dict -}}
{{- if .Values.gateway.enabled -}}
{{- $gateway := deepCopy .Values.gateway -}}
{{- $_ := set $gateway "kind" "gateway" -}}
{{- $_ := set $services "gateway" $gateway -}}
{{- end -}}
{{- range $name, $entry := .Values.subgraphs -}}
{{- if $entry.enabled -}}
{{- $svc := deepCopy $.Values.subgraphDefaults -}}
{{- range $key, $value := $entry -}}
{{- $_ := set $svc $key (deepCopy $value) -}}
{{- end -}}
{{- $_ := set $svc "kind" "subgraph" -}}
{{- $_ := set $services $name $svc -}}
{{- end -}}
{{- end -}}
{{- toJson $services -}}
{{- end -}}

{{/* Names of the enabled subgraphs, as a JSON list (sorted). */}}
{{- define "grassroots.subgraphNames" -}}
{{- $names := list -}}
{{- range $name, $entry := .Values.subgraphs -}}
{{- if $entry.enabled }}{{ $names = append $names $name }}{{ end -}}
{{- end -}}
{{- toJson (sortAlpha $names) -}}
{{- end -}}

{{/* An image reference: (dict "root" $ "image" $svc.image) -> [registry/]repository:tag */}}
{{- define "grassroots.image" -}}
{{- $tag := .image.tag | default .root.Values.image.tag | default .root.Chart.AppVersion -}}
{{- $repository := .image.repository -}}
{{- with .root.Values.image.registry -}}
{{- $repository = printf "%s/%s" (trimSuffix "/" .) $repository -}}
{{- end -}}
{{- printf "%s:%s" $repository (toString $tag) -}}
{{- end -}}

{{/* Secret and key of INTERNAL_SECRET, as JSON {"name":..., "key":...}. */}}
{{- define "grassroots.internalSecretRef" -}}
{{- if .Values.internalSecret.existingSecret -}}
{{- dict "name" .Values.internalSecret.existingSecret "key" .Values.internalSecret.existingSecretKey | toJson -}}
{{- else -}}
{{- dict "name" (include "grassroots.componentName" (dict "root" . "component" "internal")) "key" "internal-secret" | toJson -}}
{{- end -}}
{{- end -}}

{{/* Secret of a subgraph's database credentials: (dict "root" $ "name" "organization" "database" $svc.database) -> name */}}
{{- define "grassroots.databaseSecretName" -}}
{{- (.database | default dict).existingSecret | default (include "grassroots.componentName" (dict "root" .root "component" (printf "%s-database" .name))) -}}
{{- end -}}

{{/*
The env entries that give a subgraph container DATABASE_URL: from a complete URL in the Secret, or
composed from the non-secret parts and the password (Kubernetes expands $(DATABASE_PASSWORD)).
(dict "root" $ "name" "organization" "database" $svc.database)
*/}}
{{- define "grassroots.databaseEnv" -}}
{{- $db := .database | default dict -}}
{{- $secret := include "grassroots.databaseSecretName" . -}}
{{- if and $db.existingSecret $db.existingSecretUrlKey -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $db.existingSecretUrlKey }}
{{- else -}}
{{- $pg := .root.Values.postgresql -}}
{{- $dbName := $db.name | default (printf "grassroots_%s" .name) -}}
{{- $user := $db.user | default (printf "grassroots_%s" .name) -}}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: {{ $db.existingSecretPasswordKey | default "password" }}
- name: DATABASE_URL
  value: {{ printf "postgres://%s:$(DATABASE_PASSWORD)@%s:%d/%s%s" $user $pg.host (int $pg.port) $dbName (ternary (printf "?sslmode=%s" $pg.sslMode) "" (ne $pg.sslMode "")) | quote }}
{{- end -}}
{{- end -}}

{{/* Ports of the Kafka brokers, as a JSON list of numbers. */}}
{{- define "grassroots.kafkaPorts" -}}
{{- $ports := list -}}
{{- range .Values.kafka.brokers -}}
{{- $port := int (regexReplaceAll "^.*:([0-9]+)$" . "${1}") -}}
{{- if not (has $port $ports) }}{{ $ports = append $ports $port }}{{ end -}}
{{- end -}}
{{- toJson $ports -}}
{{- end -}}

{{/* An egress rule to some CIDRs (none: anywhere) on some TCP ports: (dict "cidrs" [...] "ports" [...]) */}}
{{- define "grassroots.egressRule" -}}
- ports:
    {{- range .ports }}
    - protocol: TCP
      port: {{ int . }}
    {{- end }}
  {{- if .cidrs }}
  to:
    {{- range .cidrs }}
    - ipBlock:
        cidr: {{ . }}
    {{- end }}
  {{- end }}
{{- end -}}

{{/*
The gateway's egress rule to the shared response cache's Redis, or nothing when none is configured:
the URL's own port when it names one (redis://host:6380/0), else responseCache.redis.port.
*/}}
{{- define "grassroots.redisEgressRule" -}}
{{- $redis := .Values.gateway.responseCache.redis -}}
{{- if or $redis.url $redis.existingSecret -}}
{{- $port := $redis.port -}}
{{- if $redis.url -}}
{{- $hostPort := splitList ":" (urlParse $redis.url).host -}}
{{- if gt (len $hostPort) 1 }}{{ $port = last $hostPort }}{{ end -}}
{{- end -}}
{{ include "grassroots.egressRule" (dict "cidrs" $redis.cidrs "ports" (list $port)) }}
{{- end -}}
{{- end -}}

{{/* The egress rule to the cluster DNS. */}}
{{- define "grassroots.dnsEgressRule" -}}
- to:
    - namespaceSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dns.namespaceLabels | nindent 10 }}
      podSelector:
        matchLabels:
          {{- toYaml .Values.networkPolicy.dns.podLabels | nindent 10 }}
  ports:
    - protocol: UDP
      port: 53
    - protocol: TCP
      port: 53
{{- end -}}

{{/* Egress rules of pods that talk to PostgreSQL and Kafka (subgraphs, hook Jobs): DNS, PostgreSQL, Kafka. */}}
{{- define "grassroots.dataEgressRules" -}}
{{ include "grassroots.dnsEgressRule" . }}
{{ include "grassroots.egressRule" (dict "cidrs" .Values.postgresql.cidrs "ports" (list .Values.postgresql.port)) }}
{{ include "grassroots.egressRule" (dict "cidrs" .Values.kafka.cidrs "ports" (include "grassroots.kafkaPorts" . | fromJsonArray)) }}
{{- end -}}

{{/* A NetworkPolicy peer from {namespaceLabels, podLabels} or {cidr}, as a one-item YAML list. */}}
{{- define "grassroots.peer" -}}
{{- $peer := dict -}}
{{- if .cidr -}}
{{- $_ := set $peer "ipBlock" (dict "cidr" .cidr) -}}
{{- else -}}
{{- with .namespaceLabels }}{{ $_ := set $peer "namespaceSelector" (dict "matchLabels" .) }}{{ end -}}
{{- with .podLabels }}{{ $_ := set $peer "podSelector" (dict "matchLabels" .) }}{{ end -}}
{{- end -}}
{{- toYaml (list $peer) -}}
{{- end -}}

{{/* The peer Prometheus scrapes from, or nothing when no ServiceMonitor or no Prometheus labels. */}}
{{- define "grassroots.prometheusPeer" -}}
{{- $sm := .Values.metrics.serviceMonitor -}}
{{- if and $sm.enabled (or $sm.prometheusNamespaceLabels $sm.prometheusPodLabels) -}}
{{- include "grassroots.peer" (dict "namespaceLabels" $sm.prometheusNamespaceLabels "podLabels" $sm.prometheusPodLabels) -}}
{{- end -}}
{{- end -}}

{{/* The securityContext of every pod. The images run as the `node` user (1000). */}}
{{- define "grassroots.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
fsGroup: 1000
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* The securityContext of every container. */}}
{{- define "grassroots.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: 1000
runAsGroup: 1000
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
{{- end -}}

{{/* imagePullSecrets of every pod, or nothing. Use: with include ... | nindent */}}
{{- define "grassroots.imagePullSecrets" -}}
{{- with .Values.image.pullSecrets -}}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end -}}
{{- end -}}

{{/* The supergraph SDL: gateway.supergraph (e.g. --set-file), else the chart's files/supergraph.graphql. */}}
{{- define "grassroots.supergraph" -}}
{{- $sdl := .Values.gateway.supergraph | default (.Files.Get "files/supergraph.graphql") -}}
{{- if not (contains "join__Graph" $sdl) -}}
{{- fail "gateway.supergraph: not a composed supergraph (no join__Graph): run `pnpm --filter @grassroots/gateway compose`, or pass --set-file gateway.supergraph=gateway/supergraph.graphql" -}}
{{- end -}}
{{- $sdl | trimSuffix "\n" -}}
{{- end -}}

{{/* A service's plain environment (its ConfigMap's data), as JSON: (dict "root" $ "name" "gateway" "svc" $svc) */}}
{{- define "grassroots.envData" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := .svc -}}
{{- $subgraphNames := include "grassroots.subgraphNames" $root | fromJsonArray }}
{{- $data := dict
  "NODE_ENV" $root.Values.nodeEnv
  "LOG_LEVEL" $root.Values.logLevel
  "PORT" (toString (int $svc.port))
  "HOST" "0.0.0.0"
  "SHUTDOWN_TIMEOUT_MS" (toString (int $svc.shutdownTimeoutMs)) }}
{{- if eq $svc.kind "gateway" }}
{{- $_ := set $data "JWT_MODE" $svc.jwt.mode }}
{{- with $svc.jwt.jwksUrl }}{{ $_ := set $data "JWKS_URL" . }}{{ end }}
{{- $_ := set $data "JWT_ISSUER" $svc.jwt.issuer }}
{{- $_ := set $data "JWT_AUDIENCE" $svc.jwt.audience }}
{{- $_ := set $data "SUPERGRAPH_MODE" "file" }}
{{- $_ := set $data "SUPERGRAPH_PATH" "/etc/grassroots/supergraph/supergraph.graphql" }}
{{- range $subgraph := $subgraphNames }}
{{- $port := int (index $root.Values.subgraphs $subgraph).port }}
{{- $_ := set $data (printf "%s_URL" (upper $subgraph)) (printf "http://%s:%d/graphql" (include "grassroots.componentName" (dict "root" $root "component" $subgraph)) $port) }}
{{- end }}
{{- else }}
{{- $_ := set $data "KAFKA_BROKERS" (join "," $root.Values.kafka.brokers) }}
{{- $_ := set $data "KAFKA_TOPIC_PREFIX" $root.Values.kafka.topicPrefix }}
{{- $_ := set $data "MIGRATE_ON_START" "false" }}
{{- range $key, $value := include "grassroots.kafkaSecurityData" (dict "root" $root "user" (include "grassroots.kafkaUsername" (dict "root" $root "name" $name))) | fromJson }}
{{- $_ := set $data $key $value }}
{{- end }}
{{- end }}
{{- $heapMb := include "grassroots.heapMb" (dict "percent" $root.Values.heapPercentOfMemoryLimit "svc" $svc) | int }}
{{- if gt $heapMb 0 }}
{{- $_ := set $data "NODE_OPTIONS" (printf "--max-old-space-size=%d" $heapMb) }}
{{- end }}
{{- range $key, $value := $svc.env }}
{{- $_ := set $data $key (toString $value) }}
{{- end }}
{{- toJson $data -}}
{{- end -}}

{{/* Node's heap in MiB: a percentage of the service's memory limit ("512Mi", "1Gi"); 0 when off or the limit is in another unit. */}}
{{- define "grassroots.heapMb" -}}
{{- $limit := "" -}}
{{- with .svc.resources }}{{ with .limits }}{{ $limit = toString (.memory | default "") }}{{ end }}{{ end -}}
{{- $mi := 0 -}}
{{- if regexMatch "^[0-9]+Gi$" $limit }}{{ $mi = mul (trimSuffix "Gi" $limit | int) 1024 }}
{{- else if regexMatch "^[0-9]+Mi$" $limit }}{{ $mi = trimSuffix "Mi" $limit | int }}{{ end -}}
{{- div (mul $mi (int .percent)) 100 -}}
{{- end -}}

{{/*
Kafka security: the plain settings of a client (its ConfigMap or a hook Job's env), as JSON.
(dict "root" $ "user" "<principal>") -- the user is a subgraph's name behind kafka.sasl.usernamePrefix,
or kafka.sasl.adminUsername for the hook Jobs. PLAINTEXT: the protocol alone.
*/}}
{{- define "grassroots.kafkaSecurityData" -}}
{{- $k := .root.Values.kafka -}}
{{- $data := dict "KAFKA_SECURITY_PROTOCOL" $k.securityProtocol -}}
{{- if eq $k.securityProtocol "SASL_SSL" -}}
{{- if not $k.sasl.existingSecret -}}
{{- fail "kafka.sasl.existingSecret: required with kafka.securityProtocol SASL_SSL (a Secret with <subgraph>-password for each subgraph and admin-password for the hook Jobs)" -}}
{{- end -}}
{{- $_ := set $data "KAFKA_SASL_MECHANISM" $k.sasl.mechanism -}}
{{- $_ := set $data "KAFKA_SASL_USERNAME" .user -}}
{{- if $k.tls.caSecret }}{{ $_ := set $data "KAFKA_SSL_CA_FILE" "/etc/grassroots/kafka-ca/ca.crt" }}{{ end -}}
{{- end -}}
{{- toJson $data -}}
{{- end -}}

{{/* The SCRAM username of a subgraph (the principal its ACLs name): (dict "root" $ "name" "personnel") */}}
{{- define "grassroots.kafkaUsername" -}}
{{- printf "%s%s" .root.Values.kafka.sasl.usernamePrefix .name -}}
{{- end -}}

{{/* KAFKA_SASL_PASSWORD from the SASL Secret (SASL_SSL only): (dict "root" $ "key" "personnel-password") */}}
{{- define "grassroots.kafkaPasswordEnv" -}}
{{- if eq .root.Values.kafka.securityProtocol "SASL_SSL" -}}
- name: KAFKA_SASL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.kafka.sasl.existingSecret }}
      key: {{ .key }}
{{- end -}}
{{- end -}}

{{/* The volume of the brokers' CA (SASL_SSL with kafka.tls.caSecret), or nothing. */}}
{{- define "grassroots.kafkaCaVolume" -}}
{{- $k := .Values.kafka -}}
{{- if and (eq $k.securityProtocol "SASL_SSL") $k.tls.caSecret -}}
- name: kafka-ca
  secret:
    secretName: {{ $k.tls.caSecret }}
    items:
      - key: {{ $k.tls.caSecretKey }}
        path: ca.crt
{{- end -}}
{{- end -}}

{{/* Its mount at /etc/grassroots/kafka-ca (KAFKA_SSL_CA_FILE), or nothing. */}}
{{- define "grassroots.kafkaCaMount" -}}
{{- $k := .Values.kafka -}}
{{- if and (eq $k.securityProtocol "SASL_SSL") $k.tls.caSecret -}}
- name: kafka-ca
  mountPath: /etc/grassroots/kafka-ca
  readOnly: true
{{- end -}}
{{- end -}}

{{/*
Personnel's keys of personal data at rest, from personalData.existingSecret (personnel's pods and its
migration Job only), or nothing (empty: personnel's development-only keys, refused in production).
(dict "root" $ "name" "personnel")
*/}}
{{- define "grassroots.personalDataEnv" -}}
{{- $pd := .root.Values.personalData -}}
{{- if and (eq .name "personnel") $pd.existingSecret -}}
{{- range $env, $key := dict "PERSONAL_DATA_KEYS" $pd.keysKey "PERSONAL_DATA_ACTIVE_KEY" $pd.activeKeyKey "PERSONAL_DATA_HASH_KEY" $pd.hashKeyKey }}
- name: {{ $env }}
  valueFrom:
    secretKeyRef:
      name: {{ $pd.existingSecret }}
      key: {{ $key }}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
"true" when the cluster serves a kind, else nothing: (dict "root" $ "apiVersion" "monitoring.coreos.com/v1" "kind" "ServiceMonitor").
On a cluster Helm lists every served group/version and group/version/kind, so the kind must be there
(a CRD of the same group is not enough). Without a cluster (helm template) only what --api-versions
names is listed: the group/version alone is taken for all of its kinds, as long as no kind of that
group/version is named.
*/}}
{{- define "grassroots.hasKind" -}}
{{- $caps := .root.Capabilities.APIVersions -}}
{{- if $caps.Has (printf "%s/%s" .apiVersion .kind) -}}
true
{{- else if $caps.Has .apiVersion -}}
{{- $kinds := 0 -}}
{{- range $caps }}{{ if hasPrefix (printf "%s/" $.apiVersion) . }}{{ $kinds = add1 $kinds }}{{ end }}{{ end -}}
{{- if eq $kinds 0 }}true{{ end -}}
{{- end -}}
{{- end -}}
