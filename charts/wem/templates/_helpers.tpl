{{/* Chart name. */}}
{{- define "wem.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-wide name prefix; each service appends "-<key>" (so it is kept at 50 characters). */}}
{{- define "wem.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
A name of at most 63 characters (DNS-1123 label: Job names end up in a label) made of the full name and a suffix:
the full name is cut for this suffix, not for the longest one. Call with (dict "ctx" $ "suffix" "governance-migrate").
*/}}
{{- define "wem.suffixedName" -}}
{{- $suffix := printf "-%s" .suffix }}
{{- printf "%s%s" (include "wem.fullname" .ctx | trunc (int (sub 63 (len $suffix))) | trimSuffix "-") $suffix }}
{{- end }}

{{/* Kubernetes recommended labels. Call with (dict "ctx" $ "component" "signal-service"); component may be empty. */}}
{{- define "wem.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .ctx.Chart.Name .ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "wem.selectorLabels" . }}
app.kubernetes.io/version: {{ .ctx.Chart.AppVersion | quote }}
app.kubernetes.io/part-of: wem
app.kubernetes.io/managed-by: {{ .ctx.Release.Service }}
{{- with .ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{/* Labels that select one service's pods (or the whole release when component is empty). */}}
{{- define "wem.selectorLabels" -}}
app.kubernetes.io/name: {{ include "wem.name" .ctx }}
app.kubernetes.io/instance: {{ .ctx.Release.Name }}
{{- if .component }}
app.kubernetes.io/component: {{ .component }}
{{- end }}
{{- end }}

{{/* Image reference of a service. Call with (dict "ctx" $ "svc" $svc). */}}
{{- define "wem.image" -}}
{{- $repo := .svc.image.repository }}
{{- with .ctx.Values.image.registry }}{{ $repo = printf "%s/%s" (trimSuffix "/" .) $repo }}{{ end }}
{{- $ref := printf "%s:%s" $repo (.svc.image.tag | default .ctx.Values.image.tag | default .ctx.Chart.AppVersion) }}
{{- /* name:tag@digest: the runtime pulls by digest; the tag stays for people reading the manifest. */}}
{{- with (.svc.image.digest | default .ctx.Values.image.digest) }}{{ $ref = printf "%s@%s" $ref . }}{{ end }}
{{- $ref }}
{{- end }}

{{/*
The public path prefixes of each service, the only ones an Ingress routes (Kubernetes Prefix matching, element by
element: /api/v1/me matches /api/v1/me/interventions, never /api/v1/internal). Read with fromYaml.
*/}}
{{- define "wem.publicPaths" -}}
signal: [/api/v1/identity, /api/v1/signals, /api/v1/behaviors, /api/v1/agents, /api/v1/gaps, /api/v1/teams, /api/v1/me]
coaching: [/api/v1/identity, /api/v1/interventions, /api/v1/me, /api/v1/playbooks, /api/v1/backlog, /api/v1/owners, /api/v1/reviews]
governance: [/api/v1/identity, /api/v1/access, /api/v1/approvals, /api/v1/audit, /api/v1/directory, /api/v1/legal-holds, /api/v1/retention, /api/v1/subject-requests, /api/v1/transparency]
wellbeing: [/api/v1/identity, /api/v1/alerts, /api/v1/guardrails/policies, /api/v1/me, /api/v1/reviews, /api/v1/teams]
{{- end }}
