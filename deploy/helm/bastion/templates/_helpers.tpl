{{/* Names: the release's, unless it already contains the chart's name. */}}
{{- define "bastion.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "bastion.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "bastion.labels" -}}
{{ include "bastion.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: gateway
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "bastion.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "bastion.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "bastion.secretName" -}}
{{- default (include "bastion.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{- define "bastion.image" -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* The chart's Secret: the non-empty values of secrets.env. */}}
{{- define "bastion.secretData" -}}
{{- $data := dict -}}
{{- range $name, $value := .Values.secrets.env -}}
{{- if $value -}}
{{- $_ := set $data $name (toString $value) -}}
{{- end -}}
{{- end -}}
{{- toYaml $data -}}
{{- end -}}

{{/* bastion.yaml: the values' config, with the spool directory on its volume. */}}
{{- define "bastion.config" -}}
{{- $config := deepCopy (default dict .Values.config) -}}
{{- $journal := deepCopy (default dict (get $config "journal")) -}}
{{- $_ := set $journal "spool_dir" .Values.spool.mountPath -}}
{{- $_ := set $config "journal" $journal -}}
{{- toYaml $config -}}
{{- end -}}

{{/*
Every ${VAR} (without a default) and os.environ/VAR the config names must be in the pod's
environment; with the chart's own Secret that is checked here, so a missing one fails the
install instead of every pod's start-up.
*/}}
{{- define "bastion.checkEnvironment" -}}
{{- if not .Values.secrets.existingSecret -}}
{{- $provided := fromYaml (include "bastion.secretData" .) -}}
{{- range .Values.env -}}
{{- $_ := set $provided .name "" -}}
{{- end -}}
{{- $config := include "bastion.config" . -}}
{{- $names := list -}}
{{- range regexFindAll "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}" $config -1 -}}
{{- $names = append $names (trimSuffix "}" (trimPrefix "${" .)) -}}
{{- end -}}
{{- range regexFindAll "os\\.environ/[A-Za-z_][A-Za-z0-9_]*" $config -1 -}}
{{- $names = append $names (trimPrefix "os.environ/" .) -}}
{{- end -}}
{{- range $names | uniq -}}
{{- if not (hasKey $provided .) -}}
{{- fail (printf "the config names ${%s}, but neither secrets.env.%s nor env sets it (or give secrets.existingSecret)" . .) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
Long enough for the drain delay and the grace for requests in flight, then the 15 s the
supervisor allows its workers beyond those and up to 30 s for the journal's last load.
*/}}
{{- define "bastion.terminationGrace" -}}
{{- if kindIs "invalid" .Values.terminationGracePeriodSeconds -}}
{{- $server := default dict (get (default dict .Values.config) "server") -}}
{{- $delay := 0 -}}
{{- if hasKey $server "drain_delay_seconds" -}}
{{- $delay = ceil $server.drain_delay_seconds | int -}}
{{- end -}}
{{- $grace := 30 -}}
{{- if hasKey $server "shutdown_grace_seconds" -}}
{{- $grace = ceil $server.shutdown_grace_seconds | int -}}
{{- end -}}
{{- add $delay $grace 45 -}}
{{- else -}}
{{- .Values.terminationGracePeriodSeconds -}}
{{- end -}}
{{- end -}}
