"""The kinds of sensitive data the guardrails recognise, each with its data class.

They are names ``bastion.yaml`` uses (``guardrails.input.kinds``, ``guardrails.output.kinds``),
so the configuration checks them without importing the guardrails, whose scan
(``bastion.guardrails.recognizers``) finds them.
"""

from __future__ import annotations

from typing import Literal

DataClass = Literal["pii", "secret", "phi"]

# Every kind the scan (bastion.guardrails.recognizers.scan) can report, with its data class.
KINDS: dict[str, DataClass] = {
    "email": "pii",
    "phone": "pii",
    "credit_card": "pii",
    "iban": "pii",
    "us_ssn": "pii",
    "uk_nino": "pii",
    "fr_nir": "pii",
    "es_dni": "pii",
    "es_nie": "pii",
    "it_codice_fiscale": "pii",
    "de_steuer_id": "pii",
    "nl_bsn": "pii",
    "pt_nif": "pii",
    "br_cpf": "pii",
    "at_svnr": "pii",
    "ch_ahv": "pii",
    "be_national_number": "pii",
    "ie_pps": "pii",
    "mx_curp": "pii",
    "ip_address": "pii",
    "date_of_birth": "pii",
    "postal_address": "pii",
    "passport": "pii",
    "driver_license": "pii",
    "person": "pii",  # only with a registered NameRecognizer
    "medical_record_number": "phi",
    "health_data": "phi",  # a condition, medicine, operation or result tied to one person
    "aws_access_key": "secret",
    "aws_secret_key": "secret",
    "github_token": "secret",
    "slack_token": "secret",
    "stripe_key": "secret",
    "google_api_key": "secret",
    "openai_key": "secret",
    "anthropic_key": "secret",
    "azure_key": "secret",
    "api_key": "secret",  # other providers' keys (GitLab, npm, PyPI, SendGrid, Twilio...)
    "jwt": "secret",
    "bearer_token": "secret",
    "private_key": "secret",
    "connection_string": "secret",
    "password": "secret",
}
