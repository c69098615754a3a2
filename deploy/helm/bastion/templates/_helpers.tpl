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
{{- $repository := required "image.repository is required: the registry path you pushed the image built from deploy/Containerfile to (e.g. registry.example.com/bastion); no image is published under a default name" .Values.image.repository -}}
{{- if .Values.image.digest -}}
{{- printf "%s@%s" $repository .Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repository (default .Chart.AppVersion .Values.image.tag | toString) -}}
{{- end -}}
{{- end -}}

{{/* A Kubernetes quantity in Ki, Mi, Gi or Ti, as whole MiB (rounded up). */}}
{{- define "bastion.mebibytes" -}}
{{- $quantity := toString . -}}
{{- if not (regexMatch "^[0-9]+(Ki|Mi|Gi|Ti)$" $quantity) -}}
{{- fail (printf "%q: give sizes as a whole number of Ki, Mi, Gi or Ti (e.g. 1Gi)" $quantity) -}}
{{- end -}}
{{- $number := regexFind "^[0-9]+" $quantity | int64 -}}
{{- $unit := regexFind "(Ki|Mi|Gi|Ti)$" $quantity -}}
{{- if eq $unit "Ki" -}}{{- div (add $number 1023) 1024 -}}
{{- else if eq $unit "Mi" -}}{{- $number -}}
{{- else if eq $unit "Gi" -}}{{- mul $number 1024 -}}
{{- else -}}{{- mul $number 1048576 -}}
{{- end -}}
{{- end -}}

{{/*
The gateway's resources: what the values give, and for what they leave unset, a CPU per
worker, memory from memory.request / memory.limit (base + workers x perWorker, MiB) and an
ephemeral-storage request covering the emptyDirs' limits (the spool's and /tmp's).
*/}}
{{- define "bastion.resources" -}}
{{- $resources := deepCopy (default dict .Values.resources) -}}
{{- $requests := deepCopy (default dict (get $resources "requests")) -}}
{{- $limits := deepCopy (default dict (get $resources "limits")) -}}
{{- $workers := int .Values.workers -}}
{{- if not (hasKey $requests "cpu") -}}
{{- $_ := set $requests "cpu" (toString $workers) -}}
{{- end -}}
{{- if not (hasKey $requests "memory") -}}
{{- $_ := set $requests "memory" (printf "%dMi" (add (int .Values.memory.request.base) (mul $workers (int .Values.memory.request.perWorker)))) -}}
{{- end -}}
{{- if not (hasKey $limits "memory") -}}
{{- $_ := set $limits "memory" (printf "%dMi" (add (int .Values.memory.limit.base) (mul $workers (int .Values.memory.limit.perWorker)))) -}}
{{- end -}}
{{- if not (hasKey $requests "ephemeral-storage") -}}
{{- $storage := include "bastion.mebibytes" .Values.tmp.sizeLimit | int64 -}}
{{- if not .Values.spool.persistentVolumeClaim -}}
{{- $storage = add $storage (include "bastion.mebibytes" .Values.spool.sizeLimit | int64) -}}
{{- end -}}
{{- $_ := set $requests "ephemeral-storage" (printf "%dMi" $storage) -}}
{{- end -}}
{{- $_ := set $resources "requests" $requests -}}
{{- $_ := set $resources "limits" $limits -}}
{{- toYaml $resources -}}
{{- end -}}

{{/* Pods that run at least (the HPA's minimum, or the fixed count; one with a spool claim). */}}
{{- define "bastion.minPods" -}}
{{- if .Values.spool.persistentVolumeClaim -}}1
{{- else if .Values.autoscaling.enabled -}}{{ .Values.autoscaling.minReplicas }}
{{- else -}}{{ .Values.replicaCount }}
{{- end -}}
{{- end -}}

{{/* The admin key's Secret and key (values.yaml, adminKey: first match wins). */}}
{{- define "bastion.adminKeySecretName" -}}
{{- if .Values.adminKey.existingSecret -}}{{ .Values.adminKey.existingSecret }}
{{- else if .Values.secrets.existingSecret -}}{{ .Values.secrets.existingSecret }}
{{- else if .Values.secrets.env.BASTION_ADMIN_KEY -}}{{ include "bastion.fullname" . }}
{{- else -}}{{ include "bastion.fullname" . }}-admin
{{- end -}}
{{- end -}}

{{- define "bastion.adminKeySecretKey" -}}
{{- if .Values.adminKey.existingSecret -}}{{ .Values.adminKey.secretKey }}
{{- else -}}BASTION_ADMIN_KEY
{{- end -}}
{{- end -}}

{{/* Whether the chart generates the admin key (no other source names one). */}}
{{- define "bastion.generatesAdminKey" -}}
{{- if not (or .Values.adminKey.existingSecret .Values.secrets.env.BASTION_ADMIN_KEY .Values.secrets.existingSecret) -}}true{{- end -}}
{{- end -}}

{{/*
Without backends the gateway serves its built-in simulator: a Helm install that looks healthy
and answers filler text. That takes asking for it.
*/}}
{{- define "bastion.checkBackends" -}}
{{- $backends := get (default dict .Values.config) "backends" -}}
{{- if and (not $backends) (not .Values.allowSimulator) -}}
{{- fail "config.backends is empty: the gateway would serve its built-in simulator (filler text). Give your engines and cloud APIs under config.backends (values.yaml shows one, docs/deployment.md more), or set allowSimulator: true for a demo" -}}
{{- end -}}
{{- if and .Values.spool.persistentVolumeClaim (dig "journal" "durability" "spool" (default dict .Values.config) | ne "spool") -}}
{{- fail "spool.persistentVolumeClaim is set, but config.journal.durability is not spool: nothing would be spooled there" -}}
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
supervisor allows its workers beyond those, 5 s to reap them, up to 30 s for the journal's last
load, and 10 s of headroom (60 s).
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
{{- add $delay $grace 60 -}}
{{- else -}}
{{- .Values.terminationGracePeriodSeconds -}}
{{- end -}}
{{- end -}}
