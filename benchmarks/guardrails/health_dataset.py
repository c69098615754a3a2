# Texts are written as people write them: long lines, typographic dashes and quotes.
# ruff: noqa: E501, RUF001
"""Write health_dev.jsonl and health_heldout.jsonl: an evaluation set for recognizing health
information about an individual (kind ``health_data``) when no identifier is present.

    .venv/bin/python benchmarks/guardrails/health_dataset.py          # rewrites both files
    .venv/bin/python benchmarks/guardrails/health_dataset.py --full   # also every cell

What it is. About 520 texts, from one line to about 1,600 characters, in English (about a
third) and German, French, Spanish, Italian, Dutch and Portuguese. Group ``positive``: text
that ties health information to a specific person, mostly without any name or record number
("Pt diagnosed with HIV, CD4 count 350"). Group ``negative``: hard negatives that talk about
health without being about anyone: medical knowledge questions, package leaflets, epidemiology
news, guidelines, cohort abstracts, policy terms, job ads, code and schemas of medical
software, ICD tables, blank forms, figurative speech ("this release gave me a migraine", "ich
krieg die Krise"), plot summaries of fiction, and veterinary notes (an animal's health is not a
person's). Group ``vignette``: exam-style case vignettes and de-identified published case
reports, labelled like positives but reported apart.

How it was written. By hand, from the shapes of real-world documents (clinical and SOAP notes
with shorthand, discharge summaries, referral letters, nurse handovers, prescriptions, lab
messages, radiology and pathology reports, patient-portal messages, chats with an assistant,
forum posts, HR and manager e-mails, insurance claims and pre-authorisations, school notes,
sick notes, therapy summaries, dental notes, CSV and JSON exports), each language written as
its clinicians and patients write it (Z.n., V.a., ATCD, pte., pz, pt., utente ...). It was
written without reading any recognizer and without reference to one. Every text is its own
scenario; nothing is produced by swapping words in a template. The split is by scenario: each
template id belongs to one split, and the script checks that no held-out text shares a long
run of words with a dev text.

What counts as a span (kind ``health_data``), when the text ties it to one person (a
patient, the writer, a relative, a colleague or employee, a described or named person):
  * diagnoses and conditions, with their abbreviations and any stage written with them
    ("type 2 diabetes", "HTA", "COPD GOLD 3"), diagnosis codes standing for a diagnosis;
  * symptoms and clinical findings recorded about the person ("SOB", "Dyspnoe", "wheeze");
  * medications, with the strength when written next to the name ("metformin 500 mg");
    frequency, route and duration are left out; drug classes taken by the person
    ("antidepressants") count;
  * procedures, surgeries, therapies and named tests or imaging done or planned for the
    person ("appendectomy", "MRI lumbar spine", "EMDR");
  * pregnancy and its course ("pregnant", "12 weeks", "G2P1", "SSW 32"), abortion, miscarriage;
  * disabilities, mental-health conditions, substance use (smoking and drinking habits
    included) and its treatment, allergies;
  * lab and vital results, the test name with its value ("HbA1c 8.2%", "BP 150/95"),
    whatever the value ("HIV test negative", "Rh negativ"); in a table, CSV or JSON whose
    test names sit in another column, the value cell is the span.
Family history ("mother: ovarian cancer") counts: it is about a described relative.
Not marked: names, dates, ages, sex, record numbers (other recognizers own them), places of
care and specialties ("ICU", "cardiology"), the words for leave itself ("sick leave",
"krankgeschrieben", "arrêt maladie"), negated findings ("no chest pain"), targets and
reference ranges, generic care words ("follow-up", "review"). Every qualifying mention in a
positive or vignette text is marked; a negative text has no span. Spans are written inline
between U+27E6 and U+27E7; the script strips the markers, computes offsets and asserts that
each span's text is what was marked.

Schema per line: text, spans [{kind, start, end}], lang, format, group, template.

Licence: written for this project; distributed under the same licence as the repository
(Apache-2.0). No text is copied from a real record; any resemblance to a person is chance.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
OPEN, CLOSE = "\u27e6", "\u27e7"
KIND = "health_data"
GROUPS = {"P": "positive", "N": "negative", "V": "vignette"}
FORMATS = {
    "clinical_note",
    "soap_note",
    "discharge_summary",
    "referral_letter",
    "handover",
    "prescription",
    "lab_result",
    "radiology_report",
    "pathology_report",
    "operative_note",
    "portal_message",
    "chat",
    "text_message",
    "forum_post",
    "email",
    "insurance_claim",
    "school_note",
    "sick_note",
    "therapy_note",
    "dental_note",
    "csv",
    "json",
    "form",
    "question",
    "leaflet",
    "news",
    "guideline",
    "abstract",
    "policy",
    "job_ad",
    "code",
    "vet_note",
    "plot_summary",
    "textbook",
    "faq",
    "marketing",
    "meeting_notes",
    "vignette",
    "case_report",
    "report",
}

# Each entry: (group P/N/V, format, template id without language prefix, marked text).
# Texts are written flush left; a leading and trailing newline is dropped.

# =============================================================================================
# ENGLISH - DEV
# =============================================================================================
EN_DEV = [
    (
        "P",
        "soap_note",
        "soap_copd",
        """
S: 71M, known ⟦COPD GOLD 3⟧, c/o ↑⟦SOB⟧ x3d, ↑⟦sputum⟧ now green. Using ⟦salbutamol⟧ 6-8x/day. No CP.
O: ⟦T 37.9⟧, ⟦HR 102⟧, ⟦RR 24⟧, ⟦SpO2 88% RA⟧. ⟦Wheeze⟧ bilat, ⟦reduced AE bases⟧.
A: ⟦AECOPD⟧, likely infective.
P: ⟦pred 40 mg⟧ OD x5/7, ⟦doxycycline 100 mg⟧ OD x5/7, ⟦CXR⟧. Target sats 88-92%. Review 48h, safety-netted.
""",
    ),
    (
        "P",
        "clinical_note",
        "ed_triage_chestpain",
        """
ED triage 02:14 — walk-in, 54 y/o male. ⟦Central chest pain⟧ radiating to L arm since 23:30, ⟦diaphoretic⟧. PMH ⟦HTN⟧, ⟦hyperlipidaemia⟧, ⟦smoker 30 pk-yr⟧. ECG: ⟦ST depression V4-V6⟧. ⟦Trop I 0.42⟧. Given ⟦aspirin 300 mg⟧ + ⟦GTN⟧ SL. Cat 2, resus bay 3.
""",
    ),
    (
        "P",
        "discharge_summary",
        "dc_nstemi_pci",
        """
DISCHARGE SUMMARY

Admitting diagnosis: ⟦NSTEMI⟧
Procedures: ⟦coronary angiography⟧; ⟦PCI⟧ with ⟦drug-eluting stent to mid-LAD⟧

Course: The patient presented with 2 hours of ⟦exertional chest tightness⟧. Peak ⟦hs-troponin T 1,240 ng/L⟧. ⟦Echo⟧ showed ⟦LVEF 45%⟧ with ⟦anterior hypokinesis⟧. Angiography revealed a ⟦90% mid-LAD stenosis⟧, treated with a single DES. Uncomplicated post-procedure course; ⟦radial site haematoma⟧ managed conservatively. Also found to have ⟦HbA1c 7.1%⟧ — new ⟦type 2 diabetes⟧, dietitian review done.

Discharge medications:
- ⟦Aspirin 75 mg⟧ once daily (lifelong)
- ⟦Ticagrelor 90 mg⟧ twice daily for 12 months
- ⟦Atorvastatin 80 mg⟧ at night
- ⟦Bisoprolol 2.5 mg⟧ once daily
- ⟦Ramipril 2.5 mg⟧ once daily, titrate
- ⟦Metformin 500 mg⟧ with breakfast

Follow-up: ⟦cardiac rehab⟧ referral sent; GP to check ⟦U&E⟧ in 2 weeks after ramipril start. Patient advised not to drive for 1 week.
""",
    ),
    (
        "P",
        "referral_letter",
        "referral_rheum_ra",
        """
Dear Dr Okafor,

Re: referral to rheumatology

Thank you for seeing this 38-year-old teacher with a 4-month history of ⟦symmetrical small-joint polyarthritis⟧ of both hands, ⟦morning stiffness⟧ lasting ~2 hours and ⟦fatigue⟧. On examination ⟦synovitis of MCP 2-3 bilaterally⟧. Bloods: ⟦CRP 34⟧, ⟦ESR 52⟧, ⟦RF positive⟧, ⟦anti-CCP 210 U/mL⟧. Hand X-rays: no erosions yet.

I suspect ⟦early rheumatoid arthritis⟧ and have started ⟦naproxen 500 mg⟧ bd with ⟦omeprazole 20 mg⟧ cover. I would be grateful for your assessment regarding DMARD therapy. She has ⟦mild asthma⟧, otherwise well. ⟦NKDA⟧.

Kind regards,
Dr H. Mills, GP
""",
    ),
    (
        "P",
        "handover",
        "handover_hip_ward",
        """
SBAR handover — Ward 7, bay B bed 12
S: Day 1 post-op ⟦L hemiarthroplasty⟧ for ⟦#NOF⟧.
B: ⟦Dementia⟧, lives in nursing home. ⟦AF⟧ on ⟦apixaban⟧ (held). ⟦Penicillin allergy⟧ (rash).
A: ⟦Pain 6/10⟧ on movement, ⟦oxycodone 5 mg⟧ PRN given 04:00. ⟦Hb 86⟧ (pre-op 112). ⟦Confused overnight⟧, pulling at cannula. Catheter in, ⟦UO 25 ml/h⟧ last 4h.
R: Repeat ⟦FBC⟧ at 10, ?transfuse if <80. Check with ortho re restarting apixaban. Falls bundle, 1:1 if agitation worsens.
""",
    ),
    (
        "P",
        "prescription",
        "pharmacy_refill_sertraline",
        """
Refill request received via pharmacy portal:
Pt requesting early refill of ⟦sertraline 100 mg⟧ tabs, 30-day supply — says she is travelling for 3 weeks. Last fill 19 days ago. Also asks whether she can take ⟦sumatriptan 50 mg⟧ with it for her ⟦migraines⟧. Pharmacist note: ⟦serotonin syndrome⟧ risk low at these doses, counselled; forwarded to prescriber for early-fill authorisation.
""",
    ),
    (
        "P",
        "lab_result",
        "portal_hba1c_result",
        """
Hi, your recent blood test results are now available.

Your ⟦HbA1c was 8.2%⟧ (last time ⟦7.4%⟧), which means your ⟦diabetes⟧ is less well controlled than before. Your ⟦kidney function (eGFR 71)⟧ and ⟦cholesterol (LDL 2.1 mmol/L)⟧ are fine. Dr Shah would like to increase your ⟦metformin⟧ to ⟦1 g⟧ twice a day and see you in clinic in 3 months. Please book a nurse appointment for a ⟦foot check⟧.

This message was sent from an unmonitored mailbox.
""",
    ),
    (
        "P",
        "portal_message",
        "portal_ace_cough",
        """
Subject: cough since new blood pressure pill

Hello, I started the ⟦lisinopril 10 mg⟧ about five weeks ago for my ⟦blood pressure⟧ and I've had a ⟦dry tickly cough⟧ ever since, worse at night. My home readings are around ⟦138/86⟧ now, so it's working, but the cough is keeping my partner awake. Is there something else I could switch to? I'm also still on the ⟦amlodipine 5 mg⟧. Thanks
""",
    ),
    (
        "P",
        "chat",
        "chat_prediabetes_diet",
        """
my doctor says i have ⟦prediabetes⟧ and ⟦fatty liver⟧ 😩 my ⟦a1c was 6.1⟧ and ⟦ALT 68⟧. what should i actually eat? i'm vegetarian and i hate cooking. also is it true i should stop eating fruit
""",
    ),
    (
        "P",
        "forum_post",
        "forum_mom_breast_ca",
        """
Posting here because I don't know where else to go. My mom (61) was just told she has ⟦stage 3 breast cancer⟧, ⟦HER2-positive⟧, with ⟦4 lymph nodes involved⟧. The plan is ⟦chemo⟧ first (they said ⟦TCHP⟧, 6 rounds), then ⟦mastectomy⟧, then ⟦radiation⟧. She starts next Tuesday and she's terrified of losing her hair. She also has ⟦type 1 diabetes⟧ so I'm worried about the steroids they give with chemo messing up her sugars. Has anyone's parent gone through TCHP? What helped with the ⟦nausea⟧? Any tips for the cold cap?
""",
    ),
    (
        "P",
        "email",
        "hr_depression_return",
        """
Subject: Return to work – confidential

Hi Dana,

Following the occupational health review on Tuesday, I can confirm that the colleague from Accounts Payable who has been off since March will return on a phased basis from the 3rd. As you know, the absence was due to ⟦severe depression⟧ and ⟦anxiety⟧; she is now on ⟦medication⟧ and in ⟦weekly CBT⟧ and OH consider her fit for reduced hours.

Recommended adjustments: 4-hour days for weeks 1–2, no month-end close duties until further review, and permission to attend ⟦therapy⟧ on Thursday afternoons. Please keep this to the line manager only and do not share the reason with the team.

Thanks,
Raj (HR Business Partner)
""",
    ),
    (
        "P",
        "chat",
        "slack_gallbladder",
        """
[#warehouse-team] heads up all, Tom won't be in Mon–Wed, he's having his ⟦gallbladder out⟧ (⟦gallstones⟧ finally caught up with him lol). Carla's covering his forklift shifts, ping her for the Tesco loads
""",
    ),
    (
        "P",
        "insurance_claim",
        "preauth_mri_lumbar",
        """
PRIOR AUTHORIZATION REQUEST — IMAGING

Service requested: ⟦MRI lumbar spine without contrast⟧ (CPT 72148)
Diagnosis: ⟦M51.16⟧ ⟦Intervertebral disc disorder with radiculopathy, lumbar region⟧
Clinical justification: 6 weeks of ⟦low back pain⟧ radiating down the right leg to the foot, ⟦positive straight leg raise at 40°⟧, ⟦diminished right ankle reflex⟧ and ⟦numbness over lateral foot⟧. Failed 6 weeks of ⟦physical therapy⟧ and ⟦NSAIDs⟧ (⟦meloxicam 15 mg⟧). Considering ⟦epidural steroid injection⟧ vs ⟦surgical referral⟧ depending on findings.
Urgency: standard
""",
    ),
    (
        "P",
        "school_note",
        "school_adhd_epipen",
        """
Dear Ms Patel,

Just a few things for the new school year. Our son has ⟦ADHD⟧ and takes ⟦methylphenidate 18 mg⟧ (Concerta) before school, so he shouldn't need a dose at lunch, but he may not be hungry at lunchtime — please don't worry if he leaves food. He also has a ⟦severe peanut allergy⟧; there is an ⟦EpiPen⟧ in the front pocket of his backpack and a second one should be in the nurse's office. He had ⟦anaphylaxis⟧ once at age 4.

Thank you!
""",
    ),
    (
        "P",
        "sick_note",
        "fit_note_bronchitis",
        """
STATEMENT OF FITNESS FOR WORK

I assessed your case on: 14/02
and, because of the following condition(s): ⟦acute bronchitis⟧ with ⟦post-viral cough⟧
I advise you that: you are not fit for work.
This will be the case for: 10 days
Comments: avoid dusty environments on return; review if ⟦fever⟧ recurs.
""",
    ),
    (
        "P",
        "therapy_note",
        "therapy_ptsd_emdr",
        """
Session 9 summary (60 min, in person)
Client continues to report ⟦nightmares⟧ 3-4x/week and ⟦hypervigilance⟧ when driving, related to the collision last year. ⟦PCL-5 score 41⟧ (down from 56 at intake). Completed ⟦EMDR⟧ reprocessing on the target memory (SUD 8 → 3). Client disclosed ⟦increased alcohol use⟧ on weekends to help with sleep; discussed, agreed to track units. Working diagnosis remains ⟦PTSD⟧. ⟦Prazosin⟧ prescribed by GP last month — client unsure it's helping. Plan: continue EMDR, add sleep hygiene module, review ⟦drinking⟧ next session.
""",
    ),
    (
        "P",
        "dental_note",
        "dental_rct_bisphos",
        """
Tx note — LR6 (46)
Pt attended c/o ⟦throbbing pain LR6⟧ 4 days, worse at night. ⟦TTP +++⟧, ⟦cold test lingering⟧. PA: ⟦deep distal caries⟧ close to pulp, ⟦widened PDL⟧. Dx ⟦symptomatic irreversible pulpitis⟧. MH: on ⟦alendronate 70 mg⟧ weekly for ⟦osteoporosis⟧ ~5 yrs — extraction avoided given ⟦MRONJ⟧ risk, discussed. Started ⟦RCT⟧: access, extirpation, ⟦Ledermix⟧ dressing, Cavit. LA: ⟦Articaine 4% 1:100k⟧ 1 carp. Review 2 wks to complete obturation.
""",
    ),
    (
        "P",
        "clinical_note",
        "hiv_new_dx",
        """
ID clinic — new patient
Pt diagnosed with ⟦HIV⟧ on routine screening 3 wks ago. ⟦CD4 count 350⟧ (⟦22%⟧), ⟦VL 45,000 copies/mL⟧. ⟦Genotype: no major resistance mutations⟧. ⟦HLA-B*5701 negative⟧. ⟦HBsAg neg⟧, ⟦anti-HBs 4⟧ (non-immune). ⟦Syphilis serology negative⟧. Started ⟦Biktarvy⟧ 1 tab daily today; adherence counselling done. ⟦HBV vaccine course⟧ to start. Pt has not disclosed to partner; discussed partner notification options.
""",
    ),
    (
        "P",
        "lab_result",
        "hcv_fibroscan",
        """
Results letter (hepatology)
⟦HCV antibody reactive⟧; ⟦HCV RNA 2.3 x 10^6 IU/mL⟧, ⟦genotype 1a⟧. ⟦ALT 91⟧. ⟦FibroScan 9.4 kPa⟧ (consistent with ⟦F2-F3 fibrosis⟧). You are eligible for treatment with ⟦sofosbuvir/velpatasvir⟧ (Epclusa) for 12 weeks. Please avoid alcohol until your follow-up; we will repeat your ⟦viral load⟧ 12 weeks after you finish.
""",
    ),
    (
        "P",
        "clinical_note",
        "sti_chlamydia",
        """
Sexual health clinic — result call
⟦NAAT positive for Chlamydia trachomatis⟧ (urine). ⟦Gonorrhoea NAAT negative⟧. Pt asymptomatic. Rx ⟦doxycycline 100 mg⟧ bd 7/7. Abstain until treatment complete. 2 partners in last 3 months — PN codes given. Test of cure not needed; ⟦retest⟧ 3/12.
""",
    ),
    (
        "P",
        "clinical_note",
        "antenatal_booking",
        """
Antenatal booking — ⟦G2P1⟧, ⟦12+3 weeks⟧ by dating scan. Previous ⟦LSCS⟧ 2021 for ⟦breech⟧. ⟦BMI 31⟧. ⟦BP 118/72⟧. ⟦Urine NAD⟧. Bloods: ⟦Hb 121⟧, ⟦blood group O Rh negative⟧, ⟦rubella immune⟧, ⟦HIV/HBV/syphilis negative⟧. ⟦NIPT low risk⟧. Plan: ⟦aspirin 150 mg⟧ from 12 wk (BMI + ⟦previous pre-eclampsia⟧), ⟦anti-D⟧ at 28 wk, ⟦GTT⟧ at 24-28 wk. ⟦VBAC⟧ discussion at 36 wk.
""",
    ),
    (
        "P",
        "portal_message",
        "portal_med_abortion_followup",
        """
Hi — I had a ⟦medication abortion⟧ 10 days ago (took the ⟦mifepristone⟧ at the clinic and the ⟦misoprostol⟧ at home). The ⟦bleeding⟧ has mostly stopped but I still have some ⟦cramping⟧ and my home ⟦pregnancy test is still positive⟧. Is that normal or do I need to come in? I'd rather not come to the clinic if I don't have to because of work. Thank you.
""",
    ),
    (
        "P",
        "clinical_note",
        "otp_methadone",
        """
OTP dosing review
Pt on ⟦methadone 80 mg⟧ daily for ⟦opioid use disorder⟧, 14 months in program. ⟦UDS today: + methadone, + fentanyl⟧, neg for others. Pt reports one ⟦relapse⟧ last weekend after a family funeral. Denies overdose. ⟦QTc 438 ms⟧ on last ECG. Plan: increase to ⟦90 mg⟧ (10 mg step), take-home doses paused for 2 wks per policy, ⟦naloxone kit⟧ reissued, ⟦counselling⟧ ×2/week.
""",
    ),
    (
        "P",
        "clinical_note",
        "genetics_brca1",
        """
Genetic counselling follow-up
Result: ⟦BRCA1 c.68_69delAG pathogenic variant⟧ (heterozygous). Family history: mother ⟦ovarian cancer⟧ at 52, maternal aunt ⟦breast cancer⟧ at 44. Discussed lifetime risk, ⟦annual MRI⟧ from now plus ⟦mammography⟧ from 30, and ⟦risk-reducing salpingo-oophorectomy⟧ after childbearing (ideally 35–40). Client is considering ⟦prophylactic bilateral mastectomy⟧ and would like a surgical consult. Cascade testing letter provided for her sister.
""",
    ),
    (
        "P",
        "csv",
        "csv_ward_list",
        """
bed,age,sex,admitting_dx,allergies,status
1,82,F,⟦NOF fracture L⟧,⟦penicillin⟧,awaiting ⟦DHS⟧ tomorrow
2,67,M,⟦CAP⟧,NKDA,"⟦on IV co-amox⟧, improving"
3,45,F,⟦DKA⟧,⟦latex⟧,off insulin infusion
4,90,M,⟦UTI⟧ / ⟦delirium⟧,NKDA,for d/c to care home
5,59,M,⟦upper GI bleed⟧,NKDA,⟦OGD⟧ today
6,31,F,⟦hyperemesis gravidarum⟧,⟦codeine⟧,⟦IV fluids⟧
""",
    ),
    (
        "P",
        "json",
        "fhir_condition_instance",
        """
{
  "resourceType": "Condition",
  "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
  "code": {
    "coding": [{"system": "http://snomed.info/sct", "code": "44054006", "display": "⟦Diabetes mellitus type 2⟧"}],
    "text": "⟦Type 2 diabetes, poorly controlled⟧"
  },
  "subject": {"reference": "Patient/example-0193"},
  "onsetDateTime": "2019-04-02",
  "note": [{"text": "⟦HbA1c 9.4%⟧ at last visit; ⟦neuropathy⟧ both feet"}]
}
""",
    ),
    (
        "P",
        "chat",
        "chat_tsh_hypothyroid",
        """
hey so i got my blood work back and my ⟦tsh is 7.8⟧ and ⟦free t4 low-ish⟧, dr said ⟦hypothyroid⟧ and put me on ⟦levothyroxin 50mcg⟧?? should i be worried. also im so tired all the time is that from this lol
""",
    ),
    (
        "P",
        "text_message",
        "sms_ibs_flare",
        """
so sorry, cant make it saturday 😞 my ⟦ibs⟧ is flaring up again and i've basically been living in the bathroom. rain check? x
""",
    ),
    (
        "P",
        "email",
        "email_q3_plus_arthroscopy",
        """
Hi team,

Q3 numbers are in the shared drive (Finance > FY25 > Q3). Headline: revenue +6% QoQ, EMEA still lagging on renewals. Please have your commentary in by Thursday noon so we can send the deck to the board on Friday.

Also, Priya will be out all of next week for her ⟦knee arthroscopy⟧ — she tore her ⟦meniscus⟧ playing five-a-side. Please route APAC questions to Ben in the meantime.

Last thing: the Oct offsite is confirmed for Lisbon, travel details to follow.

Cheers,
Martin
""",
    ),
    (
        "P",
        "insurance_claim",
        "claim_physio_acl",
        """
CLAIM FORM — Part B (to be completed by treating practitioner)
Treatment dates: 02/09 – 28/10 (12 sessions)
Diagnosis / condition treated: ⟦rehabilitation following ACL reconstruction⟧ (⟦hamstring graft⟧), right knee
Date of injury/onset: 11/06 (football)
Was the condition pre-existing? No
Treatment provided: ⟦physiotherapy⟧ — progressive ⟦strengthening⟧, ⟦gait retraining⟧, ⟦proprioception work⟧
Current status: ⟦ROM 0–130°⟧, ⟦quads lag resolved⟧; return-to-sport testing planned at 9 months.
""",
    ),
    (
        "P",
        "report",
        "occ_health_lumbar",
        """
OCCUPATIONAL HEALTH REPORT (management copy)

The employee attended on 3 July regarding his absence from his role as delivery driver. He has been off with a ⟦lumbar strain⟧ sustained while lifting a parcel cage. He has completed ⟦physiotherapy⟧ and reports ⟦pain now 2/10⟧, taking ⟦ibuprofen⟧ occasionally.

Opinion: fit to return to work with adjustments for 4 weeks — no lifting over 15 kg, use of the tail lift at all times, and a 2-person lift for cages. I do not consider the Equality Act likely to apply. No further OH review needed unless absence recurs.
""",
    ),
    (
        "P",
        "operative_note",
        "op_lap_appendix",
        """
OPERATION NOTE
Procedure: ⟦Laparoscopic appendicectomy⟧
Indication: ⟦acute appendicitis⟧ (⟦Alvarado 8⟧, ⟦CRP 148⟧, ⟦US: non-compressible appendix 11 mm⟧)
Findings: ⟦gangrenous appendix⟧, no perforation, ⟦small amount of turbid fluid in pelvis⟧. Normal Meckel's.
Procedure: 3-port technique, Endoloop ×2 to base, specimen in bag, washout 1 L.
Post-op: ⟦co-amoxiclav⟧ IV 24 h then stop if afebrile; eat and drink; home tomorrow if well.
""",
    ),
    (
        "P",
        "clinical_note",
        "psych_bipolar_mania",
        """
Psychiatry admission note
38 y/o admitted under Section 2. ⟦Bipolar I disorder⟧, current ⟦manic episode with psychotic features⟧: ⟦pressured speech⟧, ⟦grandiose delusions⟧ (believes he is to advise the government), ⟦no sleep for 4 nights⟧, spent savings on crypto. Stopped ⟦lithium⟧ 2 months ago. ⟦Li level <0.1⟧. ⟦TFTs normal⟧, ⟦eGFR >90⟧. Plan: restart ⟦lithium 400 mg⟧ nocte, ⟦olanzapine 10 mg⟧, level in 5 days, 1:1 obs overnight.
""",
    ),
    (
        "P",
        "handover",
        "icu_handover_sepsis",
        """
ICU handover bed 4: ⟦septic shock⟧ ?⟦biliary source⟧. On ⟦norad 0.18⟧, MAP 65–70. ⟦Lactate 4.1 → 2.6⟧. ⟦Pip-taz⟧ since 18:00. ⟦Creat 210⟧, ⟦UO 15 ml/h⟧ — ⟦AKI⟧, ⟦CRRT⟧ discussed, not yet. ⟦Intubated⟧, ⟦FiO2 0.45⟧, ⟦PEEP 8⟧. ⟦ERCP⟧ planned AM if stable. Family updated at 21:00.
""",
    ),
    (
        "P",
        "clinical_note",
        "nurse_obs_only",
        """
22:00 obs: ⟦BP 168/98⟧, ⟦HR 104⟧ irreg, ⟦SpO2 93% RA⟧, ⟦T 38.4⟧, ⟦RR 22⟧. ⟦NEWS2 7⟧ — escalated to FY1 on call, ⟦sepsis screen⟧ started. Pt ⟦rigoring⟧ and c/o ⟦headache⟧.
""",
    ),
    (
        "P",
        "school_note",
        "uni_accommodation_dyslexia",
        """
Student Support — Reasonable Adjustments Summary (shared with module leaders)

The student has a diagnosis of ⟦dyslexia⟧ (educational psychologist assessment) and ⟦generalised anxiety disorder⟧ (GP letter on file). Recommended adjustments:
• 25% extra time in timed assessments
• Rest breaks of 10 minutes per hour
• Exams in a smaller room
• Lecture slides made available 24 h in advance
Please do not disclose the nature of the student's ⟦disability⟧ to other students.
""",
    ),
    (
        "P",
        "forum_post",
        "forum_husband_alzheimers",
        """
Re: early-onset — does it get easier?

My husband was diagnosed with ⟦early-onset Alzheimer's⟧ at 57. It's been two years. He's on ⟦donepezil⟧ and just started ⟦memantine⟧ last month. The ⟦wandering⟧ at night is the hardest part right now — he got out at 3am last week and a neighbour found him. His ⟦MoCA⟧ went from ⟦22⟧ to ⟦16⟧ in a year. I've started looking at day programs. How did you all cope with the first time they didn't recognise you?
""",
    ),
    (
        "P",
        "text_message",
        "sms_dad_inr",
        """
Dad's ⟦INR⟧ came back ⟦4.5⟧ today, clinic told him to skip tonight's ⟦warfarin⟧ and go back to ⟦3mg⟧ from tomorrow, recheck Thursday. He's got a ⟦nosebleed⟧ that won't really stop, should I take him to urgent care?
""",
    ),
    (
        "P",
        "forum_post",
        "reddit_pcos",
        """
28F, just got diagnosed with ⟦PCOS⟧ after years of ⟦irregular periods⟧ (like 3 a year). ⟦Testosterone was slightly high⟧ and the ⟦ultrasound showed polycystic ovaries⟧. Doc started me on ⟦metformin⟧ and mentioned ⟦the pill⟧ but I want to try to get pregnant next year. Anyone get their cycle back on metformin alone? Also the ⟦GI side effects⟧ are brutal, does it get better?
""",
    ),
    (
        "P",
        "chat",
        "telehealth_uti",
        """
[Telehealth transcript excerpt]
Clinician: What symptoms are you having?
Patient: ⟦burning when I pee⟧ and I'm ⟦going every 20 minutes⟧, started yesterday. No fever. No back pain.
Clinician: Any chance you could be pregnant?
Patient: No, I have an ⟦IUD⟧.
Clinician: This sounds like an ⟦uncomplicated bladder infection⟧. I'm sending ⟦nitrofurantoin 100 mg⟧ twice daily for 5 days to your pharmacy. If you get a fever or flank pain, go to urgent care.
""",
    ),
    (
        "P",
        "portal_message",
        "portal_migraine_topiramate",
        """
Hi Dr. Lee, quick update since our last visit. The ⟦topiramate 50 mg⟧ has cut my ⟦migraines with aura⟧ from about 10 a month to 4, which is great, but I've noticed ⟦tingling in my fingers⟧ and ⟦word-finding problems⟧ at work. Is that a known side effect? Should I stay on it or try something else? I'm still using ⟦rizatriptan⟧ for the attacks.
""",
    ),
    (
        "P",
        "chat",
        "teams_colleague_miscarriage",
        """
hey, just so you know, Mark won't be on the client call tomorrow — his wife had a ⟦miscarriage⟧ over the weekend (⟦11 weeks⟧). please don't mention it in the channel, he asked me to keep it quiet. i'll cover the demo
""",
    ),
    (
        "P",
        "insurance_claim",
        "preauth_semaglutide",
        """
Pharmacy prior authorization — ⟦Ozempic (semaglutide) 1 mg⟧ weekly
Diagnosis: ⟦Type 2 diabetes mellitus with hyperglycemia⟧ (⟦E11.65⟧)
Current ⟦A1c 8.9%⟧ (3 months ago ⟦9.2%⟧). ⟦BMI 34.6⟧.
Prior therapies: ⟦metformin 1000 mg⟧ BID × 2 yrs (continuing), ⟦glipizide 10 mg⟧ × 1 yr — ⟦hypoglycemia⟧ episodes, discontinued.
Comorbidities: ⟦hypertension⟧, ⟦NAFLD⟧, ⟦obstructive sleep apnea⟧ on ⟦CPAP⟧.
Requested quantity: 1 pen / 28 days. Prescriber attests medical necessity.
""",
    ),
    (
        "P",
        "radiology_report",
        "rad_renal_mass",
        """
CT ABDOMEN AND PELVIS WITH CONTRAST
Indication: ⟦microscopic haematuria⟧, ⟦flank pain⟧.
Findings: ⟦4.2 cm heterogeneously enhancing solid mass⟧ arising from the ⟦upper pole of the right kidney⟧. No renal vein or IVC involvement. ⟦Two subcentimetre para-aortic nodes⟧, non-specific. Liver, spleen, pancreas and adrenals unremarkable. ⟦Small hiatus hernia⟧.
IMPRESSION: 1. ⟦Right renal mass highly suspicious for renal cell carcinoma⟧ (⟦T1b⟧). 2. Urology referral recommended.
""",
    ),
    (
        "P",
        "pathology_report",
        "path_idc_breast",
        """
SURGICAL PATHOLOGY
Specimen: left breast, ⟦wide local excision⟧ and ⟦sentinel node biopsy⟧
Diagnosis: ⟦Invasive ductal carcinoma⟧, ⟦grade 2⟧, ⟦18 mm⟧. ⟦DCIS, intermediate grade⟧, present. Margins clear (closest 3 mm, posterior). LVI not identified.
 ⟦Sentinel nodes 0/2⟧.
Receptors: ⟦ER positive (Allred 8/8)⟧, ⟦PR positive (6/8)⟧, ⟦HER2 negative (IHC 1+)⟧. ⟦Ki-67 15%⟧.
pTNM: ⟦pT1c pN0(sn)⟧
""",
    ),
    (
        "P",
        "therapy_note",
        "ed_anorexia",
        """
Eating disorders service — weekly review
⟦Weight 42.1 kg⟧ (−0.4), ⟦BMI 15.8⟧. ⟦HR 44⟧ lying, ⟦postural drop 22 mmHg⟧. ⟦Phosphate 0.71⟧. Diagnosis ⟦anorexia nervosa, restricting type⟧. Reports ⟦restricting to ~600 kcal/day⟧ and ⟦compulsive exercise⟧. ⟦MARSIPAN risk: amber⟧. Family informed of risk; discussed admission to inpatient unit if weight continues to fall. Continue ⟦FBT⟧, dietetics Tues, ⟦bloods⟧ twice weekly.
""",
    ),
    (
        "P",
        "email",
        "parent_autism_school",
        """
Hello Mr. Green,

Thank you for meeting with us last week. As discussed, our son was diagnosed with ⟦autism (level 1)⟧ in the spring. He has strong ⟦sensory sensitivities⟧, especially to the noise in the cafeteria and fire drills, and he can have ⟦meltdowns⟧ when routines change without warning. His OT recommended noise-cancelling headphones and a quiet corner he can use. He also has ⟦speech therapy⟧ on Wednesday mornings so he'll arrive at 10:30 those days.

Could we set up a 504 meeting before the field trip in November?

Best,
Sam & Alex
""",
    ),
]
EN_DEV += [
    (
        "N",
        "question",
        "q_t2dm_symptoms",
        """
What are the early symptoms of type 2 diabetes? Is it true that a lot of people have it for years without knowing?
""",
    ),
    (
        "N",
        "question",
        "q_metformin_mechanism",
        """
How does metformin actually work? I read that it "reduces hepatic glucose output" but I don't understand what that means at the cellular level. Please explain like I'm a first-year pharmacy student, and mention why it doesn't usually cause hypoglycaemia on its own.
""",
    ),
    (
        "N",
        "question",
        "q_explain_cd4",
        """
Can you explain CD4 counts? What's the difference between a CD4 count and a viral load, and why do HIV clinics track both? What number counts as AIDS?
""",
    ),
    (
        "N",
        "leaflet",
        "pil_ibuprofen",
        """
PACKAGE LEAFLET: INFORMATION FOR THE USER
Ibuprofen 200 mg film-coated tablets

4. Possible side effects
Like all medicines, this medicine can cause side effects, although not everybody gets them.
STOP TAKING the medicine and seek immediate medical help if you develop:
• signs of intestinal bleeding such as passing blood in your faeces, black tarry stools, vomiting blood or dark particles that look like coffee grounds
• signs of a severe allergic reaction such as swelling of the face, tongue or throat, difficulty breathing, racing heart, fall in blood pressure leading to shock
Common (may affect up to 1 in 10 people): indigestion, heartburn, abdominal pain, nausea.
Uncommon: headache, dizziness, skin rashes.
Very rare: kidney problems, liver problems, worsening of asthma or bronchospasm in patients with asthma.
Do not take for more than 10 days unless your doctor tells you to.
""",
    ),
    (
        "N",
        "news",
        "news_flu_season",
        """
Flu hospitalizations climb for third straight week

Weekly influenza hospitalizations rose 18% nationwide, according to surveillance data released Friday, with the steepest increases among adults over 65 and children under 5. Influenza A(H3N2) accounted for about 70% of subtyped specimens. Health officials said it was "not too late" to get vaccinated and urged people at higher risk — including those with chronic heart or lung disease, diabetes, or who are pregnant — to seek antiviral treatment promptly if symptoms develop. Pediatric flu deaths this season stand at 27.
""",
    ),
    (
        "N",
        "guideline",
        "guideline_htn_step",
        """
1.4 Step 1 treatment
1.4.1 Offer an ACE inhibitor or an angiotensin II receptor blocker (ARB) to adults starting step 1 antihypertensive treatment who have type 2 diabetes and are of any age or family origin, or who are aged under 55 but not of black African or African-Caribbean family origin.
1.4.2 If an ACE inhibitor is not tolerated, for example because of cough, offer an ARB to treat hypertension.
1.4.3 Do not combine an ACE inhibitor with an ARB to treat hypertension.
""",
    ),
    (
        "N",
        "abstract",
        "abstract_hf_cohort",
        """
Background: Iron deficiency is common in heart failure with reduced ejection fraction (HFrEF), but its prognostic value in older adults is uncertain.
Methods: We analysed 1,204 consecutive patients (median age 76, 38% women) with HFrEF from a regional registry. Iron deficiency was defined as ferritin <100 µg/L, or 100–299 µg/L with TSAT <20%.
Results: Iron deficiency was present in 57%. Over a median follow-up of 2.3 years, it was associated with higher all-cause mortality (adjusted HR 1.31, 95% CI 1.08–1.59) and HF hospitalisation (HR 1.42).
Conclusions: Iron deficiency independently predicts adverse outcomes in older patients with HFrEF.
""",
    ),
    (
        "N",
        "policy",
        "policy_preexisting",
        """
Section 7 — Exclusions
We will not pay claims arising from a pre-existing condition during the first 24 months of cover. A pre-existing condition is any disease, illness or injury for which you received medication, advice or treatment, or had symptoms, in the 5 years before your cover started. Examples include, but are not limited to: diabetes, hypertension, asthma, epilepsy, cancer, heart disease and any mental health condition. Pregnancy and childbirth are covered only after a 10-month waiting period. Cosmetic surgery, fertility treatment and treatment for drug or alcohol addiction are excluded.
""",
    ),
    (
        "N",
        "job_ad",
        "jobad_oncology_nurse",
        """
Registered Nurse – Oncology Day Unit (Band 6)
37.5 hours, Mon–Fri, no nights!

We are looking for an enthusiastic RN to join our busy chemotherapy day unit, caring for patients with solid tumours and haematological malignancies. You will administer SACT, manage PICC and port lines, and support patients through side effects such as neutropenia and mucositis.
Essential: NMC registration, 2 years' post-reg experience, chemotherapy competency (or willingness to complete within 6 months).
Closing date: 30th of the month. Informal visits welcome.
""",
    ),
    (
        "N",
        "code",
        "code_python_model",
        """
from dataclasses import dataclass, field
from datetime import date

@dataclass
class Diagnosis:
    icd10: str            # e.g. "E11.9"
    description: str      # e.g. "Type 2 diabetes mellitus without complications"
    onset: date | None = None

@dataclass
class Encounter:
    patient_id: str
    diagnoses: list[Diagnosis] = field(default_factory=list)
    medications: list[str] = field(default_factory=list)

    def has_chronic_condition(self) -> bool:
        chronic = {"E11", "I10", "J44", "N18"}
        return any(d.icd10[:3] in chronic for d in self.diagnoses)
""",
    ),
    (
        "N",
        "json",
        "fhir_schema_condition",
        """
{
  "$schema": "http://json-schema.org/draft-07/schema#",
  "title": "Condition (subset)",
  "type": "object",
  "required": ["resourceType", "code", "subject"],
  "properties": {
    "resourceType": {"const": "Condition"},
    "clinicalStatus": {"$ref": "#/definitions/CodeableConcept", "description": "active | recurrence | relapse | inactive | remission | resolved"},
    "code": {"$ref": "#/definitions/CodeableConcept", "description": "Identification of the condition, problem or diagnosis"},
    "subject": {"$ref": "#/definitions/Reference", "description": "Who has the condition?"},
    "onsetDateTime": {"type": "string", "format": "date-time"},
    "severity": {"$ref": "#/definitions/CodeableConcept"}
  }
}
""",
    ),
    (
        "N",
        "csv",
        "icd10_lookup",
        """
code,short_description,chapter
E10.9,Type 1 diabetes mellitus without complications,IV
E11.9,Type 2 diabetes mellitus without complications,IV
F32.1,"Major depressive disorder, single episode, moderate",V
F41.1,Generalized anxiety disorder,V
B20,Human immunodeficiency virus [HIV] disease,I
I10,Essential (primary) hypertension,IX
J45.909,"Unspecified asthma, uncomplicated",X
O80,Encounter for full-term uncomplicated delivery,XV
""",
    ),
    (
        "N",
        "chat",
        "fig_release_migraine",
        """
ok this release gave me a migraine. three hotfixes before lunch and the changelog still says "minor improvements" 🙃
""",
    ),
    (
        "N",
        "chat",
        "fig_pipeline_sick",
        """
our CI pipeline is sick again today — half the integration tests time out, the other half are flaky. anyone know if the runners got upgraded?
""",
    ),
    (
        "N",
        "chat",
        "fig_allergic_meetings",
        """
I'm allergic to meetings before 10am, so if we could push the sync to 10:30 that would be great. Also I can't stomach another slide deck about OKRs.
""",
    ),
    (
        "N",
        "chat",
        "fig_bug_cancer",
        """
honestly that legacy date-parsing module is cancer. every bug we've had this quarter traces back to it. let's just rip it out and use the stdlib, it's been on life support since 2019
""",
    ),
    (
        "N",
        "vet_note",
        "vet_dog_pancreatitis",
        """
Canine, MN, 9 yrs, Miniature Schnauzer, 11.2 kg
Hx: raided the bin (roast chicken skin) 2 days ago; vomiting ×6, anorexic, hunched.
Exam: painful cranial abdomen, 6% dehydrated, T 39.4.
Dx: Spec cPL abnormal (612 µg/L) — acute pancreatitis.
Tx: IV Hartmann's, maropitant 1 mg/kg SC, buprenorphine 0.02 mg/kg IV q8h. Hospitalise, low-fat diet when eating. Owner informed of est. costs.
""",
    ),
    (
        "N",
        "vet_note",
        "vet_cat_hyperthyroid",
        """
Feline, FN, 14y DSH. Owner reports weight loss despite increased appetite, vomiting hairballs more often, yowling at night.
BCS 3/9, HR 240, palpable thyroid slip R. Total T4 82 nmol/L (ref 10–55). Creatinine 118.
Dx hyperthyroidism. Start methimazole 2.5 mg PO BID, recheck T4 + renal panel in 3 weeks. Discussed radioiodine referral.
""",
    ),
    (
        "N",
        "plot_summary",
        "plot_novel_als",
        """
Book club pick for March: in the novel, Evelyn Marsh, a fictional concert cellist in 1970s Vermont, is diagnosed with ALS in the first chapter, and the rest of the book follows her decision to record one last album before the disease takes her hands. The author alternates Evelyn's chapters with her estranged son's. Discussion questions are at the back of the edition we're reading.
""",
    ),
    (
        "N",
        "textbook",
        "lecture_asthma_patho",
        """
Lecture 6 — Asthma: pathophysiology
• Chronic airway inflammation driven mainly by Th2 cytokines (IL-4, IL-5, IL-13)
• Triad: airway hyperresponsiveness, reversible airflow obstruction, inflammation
• Early-phase response: mast cell degranulation → histamine, leukotrienes → bronchoconstriction
• Late-phase (4–8 h): eosinophil influx, mucus hypersecretion
• Remodelling: smooth muscle hypertrophy, subepithelial fibrosis
Key exam point: FEV1/FVC < 0.7 with ≥12% and 200 mL reversibility after bronchodilator supports the diagnosis.
""",
    ),
    (
        "N",
        "leaflet",
        "poster_stroke_fast",
        """
Think F.A.S.T. — Stroke
Face: has their face fallen on one side? Can they smile?
Arms: can they raise both arms and keep them there?
Speech: is their speech slurred?
Time to call 999.
Every minute counts. Act FAST.
""",
    ),
    (
        "N",
        "question",
        "q_mcq_pharm",
        """
Q17. Which of the following drug classes is most associated with angioedema as an adverse effect?
A) Beta blockers
B) ACE inhibitors
C) Calcium channel blockers
D) Thiazide diuretics
E) Loop diuretics
""",
    ),
    (
        "N",
        "textbook",
        "blog_reading_labs",
        """
How to read your blood test report

Most lab reports show your value next to a reference range. A result slightly outside the range is not automatically a problem: the range is built so that about 5% of healthy people fall outside it. For example, a fasting glucose of 5.6–6.9 mmol/L is often labelled "impaired fasting glucose", and an HbA1c of 48 mmol/mol (6.5%) or above is one of the criteria for diabetes. Ferritin below 30 µg/L usually suggests low iron stores. Always discuss your own results with the clinician who ordered them.
""",
    ),
    (
        "N",
        "faq",
        "faq_hospital_visiting",
        """
Visiting FAQs
Can I visit outside visiting hours? Ward managers can agree open visiting for patients at end of life, patients with dementia, and parents of children.
Is parking free? Blue Badge holders park free in bays A–D. Carers of long-stay patients can apply for a weekly pass.
Can I bring flowers? Not on the intensive care, haematology or renal wards.
""",
    ),
    (
        "N",
        "report",
        "release_notes_ehr",
        """
Release 24.3 — Clinical Documentation
• New: structured allergy field with severity (mild / moderate / severe / anaphylaxis)
• New: medication reconciliation view now flags duplicate anticoagulants
• Fixed: problem list sometimes showed resolved conditions as active after merge
• Fixed: pregnancy status banner not refreshing after gestational age update
• Known issue: lab trend graphs for eGFR render incorrectly in Safari
""",
    ),
    (
        "N",
        "code",
        "sql_count_diabetes",
        """
-- monthly count of encounters with a diabetes diagnosis, by clinic
SELECT c.clinic_name,
       date_trunc('month', e.encounter_date) AS month,
       count(DISTINCT e.patient_id)           AS patients_with_dm
FROM encounters e
JOIN encounter_diagnoses d ON d.encounter_id = e.id
JOIN clinics c ON c.id = e.clinic_id
WHERE d.icd10 LIKE 'E10%' OR d.icd10 LIKE 'E11%'
GROUP BY 1, 2
ORDER BY 1, 2;
""",
    ),
    (
        "N",
        "marketing",
        "marketing_fitness_app",
        """
New year, new you 💪 Our 12-week walking plan has helped thousands of members build a habit that sticks. Regular brisk walking can help lower blood pressure, improve cholesterol and reduce the risk of type 2 diabetes. Start your free trial today — no credit card needed. (Always talk to your doctor before starting a new exercise programme.)
""",
    ),
    (
        "N",
        "abstract",
        "grant_aims_depression",
        """
Specific Aims
Adolescent depression affects roughly 1 in 6 young people, yet fewer than half receive evidence-based care. Aim 1: Test whether a school-delivered, 8-session group CBT program reduces depressive symptoms (PHQ-A) at 6 months compared with usual care in 40 schools. Aim 2: Identify moderators of response, including baseline anxiety and family conflict. Aim 3: Estimate cost per quality-adjusted life year.
""",
    ),
    (
        "N",
        "question",
        "q_normal_bp_range",
        """
what's considered a normal blood pressure range for adults these days? I keep seeing different cut-offs (120/80 vs 130/80) and I'm writing a wellness guide for our employee intranet
""",
    ),
    (
        "N",
        "marketing",
        "recipe_diabetic_bread",
        """
Diabetic-friendly banana bread (makes 10 slices)
Swap half the flour for almond flour and use two very ripe bananas instead of sugar — the fibre and fat slow down how quickly it raises blood sugar. Each slice has about 14 g carbohydrate. Great for anyone watching their carbs, but check with your dietitian if you use insulin, as portion size still matters.
""",
    ),
    (
        "N",
        "meeting_notes",
        "conf_agenda_hiv",
        """
Day 2 — Thursday
09:00 Plenary: Ending new HIV infections by 2030 — where are we?
10:30 Session 3A: Long-acting injectable PrEP — implementation lessons from community pharmacies
10:30 Session 3B: Hepatitis C elimination in prisons
12:00 Lunch & poster walk (posters 41–80: STI testing, mpox vaccination uptake)
14:00 Workshop: Stigma-free language in sexual health services
""",
    ),
    (
        "N",
        "chat",
        "fig_server_heart_attack",
        """
prod db is having a heart attack, CPU pinned at 100% for 20 min. dev env has basically been on life support since friday too. who touched the indexes??
""",
    ),
    (
        "N",
        "textbook",
        "nutrition_iron_anaemia",
        """
Foods high in iron
If you're trying to eat more iron, pair plant sources (lentils, chickpeas, spinach, fortified cereals) with vitamin C, which boosts absorption. Tea and coffee with meals reduce absorption. People most at risk of iron-deficiency anaemia include those with heavy periods, pregnant people, vegans, frequent blood donors and people with coeliac disease.
""",
    ),
    (
        "N",
        "email",
        "email_nurse_job_self",
        """
Hi Jenna, thanks for the intro! I'm a diabetes specialist nurse and spend most of my week running insulin-start clinics and helping patients with type 1 set up pumps. Happy to chat about your app's onboarding flow — I see a lot of people struggle with carb counting, so I'd love to see how you handle it. Free Tuesday after 3?
""",
    ),
]

EN_DEV += [
    (
        "V",
        "vignette",
        "vig_hypothyroid_woman",
        """
A 45-year-old woman presents with 6 months of ⟦fatigue⟧, ⟦weight gain of 7 kg⟧, ⟦constipation⟧ and ⟦cold intolerance⟧. Her ⟦periods have become heavier⟧. Examination shows ⟦dry skin⟧, ⟦HR 54⟧ and ⟦delayed relaxation of ankle reflexes⟧. ⟦TSH is 12 mU/L⟧ and ⟦free T4 is 7 pmol/L⟧. Which of the following is the most likely underlying cause?
""",
    ),
    (
        "V",
        "vignette",
        "vig_urethritis_gc",
        """
A 23-year-old man comes to the clinic because of ⟦purulent urethral discharge⟧ and ⟦dysuria⟧ for 3 days. He reports unprotected intercourse with a new partner 1 week ago. A ⟦Gram stain of the discharge shows gram-negative intracellular diplococci⟧. In addition to ⟦ceftriaxone⟧, which of the following should be administered?
""",
    ),
    (
        "V",
        "case_report",
        "case_pseudotumor",
        """
Case presentation: A 29-year-old woman with ⟦obesity (BMI 38)⟧ presented with 2 months of ⟦daily headaches⟧, ⟦pulsatile tinnitus⟧ and ⟦transient visual obscurations⟧. Fundoscopy revealed ⟦bilateral papilloedema⟧. ⟦MRI and MR venography⟧ were ⟦unremarkable apart from an empty sella⟧. ⟦Lumbar puncture⟧ showed an ⟦opening pressure of 38 cmH2O⟧ with ⟦normal CSF constituents⟧. She was diagnosed with ⟦idiopathic intracranial hypertension⟧ and started on ⟦acetazolamide 500 mg⟧ twice daily, with weight-management support. At 6 months her ⟦headaches had resolved⟧ and ⟦papilloedema had regressed⟧.
""",
    ),
    (
        "V",
        "vignette",
        "vig_child_wheeze",
        """
A 6-year-old boy is brought to the emergency department with ⟦wheezing⟧ and ⟦shortness of breath⟧ that began after a ⟦cold⟧. He has had ⟦three similar episodes⟧ this year and ⟦eczema⟧ as an infant. ⟦Respiratory rate 34/min⟧, ⟦SpO2 91%⟧ on air; there is ⟦intercostal recession⟧ and ⟦widespread expiratory wheeze⟧. What is the most appropriate initial management?
""",
    ),
    (
        "V",
        "vignette",
        "vig_preeclampsia",
        """
A 32-year-old ⟦G1P0⟧ woman at ⟦34 weeks' gestation⟧ presents with ⟦headache⟧ and ⟦epigastric pain⟧. ⟦Blood pressure 162/110 mm Hg⟧. ⟦Urine dipstick shows 3+ protein⟧. ⟦Platelets 88,000/µL⟧, ⟦AST 140 U/L⟧. Which of the following is the most appropriate next step in management?
""",
    ),
    (
        "V",
        "case_report",
        "case_nmdar_teratoma",
        """
We describe a 24-year-old previously healthy woman who developed ⟦anxiety⟧, ⟦insomnia⟧ and ⟦visual hallucinations⟧ over 10 days, followed by ⟦orofacial dyskinesias⟧, ⟦a generalised seizure⟧ and ⟦decreased level of consciousness⟧. ⟦CSF showed lymphocytic pleocytosis (42 cells/µL)⟧ and ⟦NMDA receptor antibodies⟧ were ⟦positive in CSF and serum⟧. ⟦Pelvic MRI⟧ revealed a ⟦5 cm right ovarian teratoma⟧, which was removed by ⟦laparoscopic oophorectomy⟧. After ⟦IV methylprednisolone⟧, ⟦IVIG⟧ and later ⟦rituximab⟧, she recovered fully over 5 months. This case highlights ⟦anti-NMDAR encephalitis⟧ as a treatable cause of new-onset psychosis in young women.
""",
    ),
    (
        "V",
        "vignette",
        "vig_smoker_hemoptysis",
        """
A 58-year-old man with a ⟦40 pack-year smoking history⟧ presents with ⟦haemoptysis⟧ and ⟦10 kg weight loss⟧ over 3 months. ⟦Serum calcium is 3.1 mmol/L⟧. ⟦Chest x-ray shows a right hilar mass⟧. Which type of lung cancer is most likely?
""",
    ),
]

# =============================================================================================
# ENGLISH - HELDOUT
# =============================================================================================
EN_HELD = [
    (
        "P",
        "clinical_note",
        "ckd_clinic",
        """
Renal OPD f/u. ⟦CKD 3b⟧ secondary to ⟦diabetic nephropathy⟧. ⟦eGFR 38⟧ (was ⟦44⟧ in spring), ⟦ACR 62 mg/mmol⟧, ⟦K+ 5.6⟧, ⟦bicarb 19⟧, ⟦Hb 104⟧. ⟦BP 152/84⟧ clinic, home avg ⟦146/80⟧. Meds: ⟦losartan 100 mg⟧, ⟦empagliflozin 10 mg⟧, ⟦insulin glargine 24 u⟧, ⟦furosemide 40 mg⟧. Plan: low-K diet sheet, start ⟦sodium bicarbonate 500 mg⟧ tds, ⟦patiromer⟧ if K stays >5.5, ⟦iron studies⟧, vascular access talk deferred. RV 3/12.
""",
    ),
    (
        "P",
        "discharge_summary",
        "dc_cap_elderly",
        """
Discharge letter to GP

Diagnosis: ⟦Community-acquired pneumonia, right lower lobe⟧ (⟦CURB-65 score 2⟧). Secondary: ⟦acute kidney injury stage 1⟧ (resolved), ⟦hyponatraemia⟧ (⟦Na 128⟧ → ⟦136⟧).

This gentleman was admitted with 4 days of ⟦productive cough⟧, ⟦fever⟧ and ⟦confusion⟧. ⟦CXR confirmed RLL consolidation⟧. ⟦Legionella and pneumococcal urinary antigens negative⟧. He was treated with ⟦IV co-amoxiclav⟧ and ⟦clarithromycin⟧ for 48 hours, then switched to oral ⟦amoxicillin 500 mg⟧ tds to complete 5 days. He mobilised with a frame and was assessed by OT as safe for home with a package of care.

Actions for GP: please repeat ⟦U&Es⟧ in one week; ⟦ramipril⟧ was withheld during the AKI — restart at ⟦2.5 mg⟧ if creatinine back to baseline. Repeat ⟦chest X-ray⟧ in 6 weeks to confirm resolution (⟦ex-smoker⟧).
""",
    ),
    (
        "P",
        "referral_letter",
        "referral_thyroid_nodule",
        """
Dear Endocrine team,

I'd appreciate your opinion on this 44-year-old lady who noticed a ⟦lump in the front of her neck⟧ while applying make-up. ⟦Ultrasound⟧ shows a ⟦2.6 cm solid hypoechoic nodule in the left lobe⟧ with ⟦microcalcifications⟧ (⟦U4⟧). ⟦TSH 1.9⟧. ⟦FNA⟧ reported as ⟦Thy3f / Bethesda IV⟧. She has no compressive symptoms. Her sister had ⟦papillary thyroid cancer⟧ at 39. She is anxious and keen for a plan; I have explained that a ⟦diagnostic hemithyroidectomy⟧ may be suggested.

With thanks
""",
    ),
    (
        "P",
        "handover",
        "handover_cabg_af",
        """
Nights → days, CTICU cubicle 3
Post-⟦CABG x3⟧ day 2. Went into ⟦fast AF⟧ at 01:30, ⟦rate 140s⟧, haemodynamically OK. ⟦Amiodarone⟧ loading started (⟦300 mg⟧ over 1h, now on 900/24h), ⟦Mg 0.68⟧ replaced, ⟦K 3.9⟧ → repleted. Now ⟦rate-controlled 90s⟧, still AF. Drains removed, ⟦minimal serous ooze⟧ from sternal wound. Pacing wires in situ. Mobilised to chair. Pt wants to know if the ⟦irregular heartbeat⟧ is "permanent" — reassured, surgical team to discuss on round.
""",
    ),
    (
        "P",
        "prescription",
        "rx_levo_statin",
        """
REPEAT PRESCRIPTION REQUEST (online)
Items requested:
☑ ⟦Levothyroxine 75 microgram⟧ tablets — 56
☑ ⟦Atorvastatin 20 mg⟧ tablets — 28
☐ ⟦Sumatriptan 50 mg⟧ tablets
Message to practice: Please could I also have my ⟦thyroid blood test⟧ booked, I was told it's due. I'm going to Spain for 6 weeks from the 20th so need 2 months of the levothyroxine if possible.
Collection: Boots, High Street
""",
    ),
    (
        "P",
        "lab_result",
        "lab_hbsag_positive",
        """
Text from practice: Hello, your recent ⟦hepatitis B test⟧ came back ⟦positive (surface antigen detected)⟧. This does not necessarily mean you are unwell, but the doctor needs to see you to arrange further tests (⟦viral load⟧, ⟦liver scan⟧) and to discuss testing for your household. Please call 01632 960 555 to book a double appointment. Do not reply to this message.
""",
    ),
    (
        "P",
        "portal_message",
        "portal_symbicort_hoarse",
        """
Hi, I started the new inhaler (⟦Symbicort 200/6⟧, 2 puffs morning and night) that was prescribed for my ⟦asthma⟧ three weeks ago. My breathing is definitely better — haven't needed the ⟦blue inhaler⟧ since — but my ⟦voice has gone hoarse⟧ and there are ⟦white patches on my tongue⟧. Is this thrush? Do I need to stop the inhaler? I rinse my mouth most of the time.
""",
    ),
    (
        "P",
        "chat",
        "chat_bpd_vs_bipolar",
        """
my therapist thinks i might have ⟦bpd⟧?? is that the same thing as ⟦bipolar⟧ bc my aunt has bipolar and i dont want to be like her. ive been doing ⟦dbt⟧ for 2 months and the ⟦self harm⟧ urges are better but i still have these ⟦mood swings⟧ like every day
""",
    ),
    (
        "P",
        "forum_post",
        "forum_son_t1d_lows",
        """
Night-time lows — any advice?

Our 9-year-old was diagnosed with ⟦type 1⟧ last year. He's on an ⟦Omnipod 5⟧ with a ⟦Dexcom G7⟧ and we've been doing OK during the day, but he's had ⟦three hypos⟧ this week between 2 and 4am (one was ⟦2.8⟧ 😰). His ⟦basal⟧ is set to ⟦0.35 u/h⟧ overnight. His ⟦last HbA1c was 52⟧. The diabetes team suggested lowering the target, but I'm worried about highs instead. Does anyone run a temp basal after football practice? He plays Tues/Thurs evenings.
""",
    ),
    (
        "P",
        "email",
        "hr_maternity_gdm",
        """
Subject: Maternity leave planning + risk assessment

Hi both,

Our team coordinator has let me know that she is ⟦pregnant⟧ (due mid-February) and has been diagnosed with ⟦gestational diabetes⟧, which means extra ⟦antenatal appointments⟧ and she needs to be able to ⟦check her blood sugar⟧ and eat at regular times. Please make sure she can take short breaks whenever needed and is not scheduled for the back-to-back workshop days in November.

I'll complete the new and expectant mothers risk assessment with her this week. Please don't mention the ⟦pregnancy⟧ to the wider team until she's ready.

Thanks,
Louise
""",
    ),
    (
        "P",
        "chat",
        "mgr_signed_off_burnout",
        """
FYI — Sarah's been signed off for 4 weeks with ⟦burnout⟧ / ⟦work-related stress⟧. GP note came through this morning. Let's not chase her on the migration tickets, I'll reassign them. Please keep it between us.
""",
    ),
    (
        "P",
        "insurance_claim",
        "claim_er_kidney_stone",
        """
EXPLANATION OF BENEFITS — Claim summary
Date of service: 03/17
Provider: City General Emergency Dept
Services:
- Emergency visit, level 4 — Dx ⟦N20.1 Calculus of ureter⟧
- ⟦CT abdomen/pelvis without contrast⟧ — ⟦5 mm left distal ureteral stone⟧, ⟦mild hydronephrosis⟧
- ⟦Ketorolac 30 mg IV⟧
- ⟦Ondansetron 4 mg⟧
- ⟦Urinalysis⟧ — ⟦microscopic hematuria⟧
Amount billed: $4,812.00   Plan paid: $3,190.40   You may owe: $750.00 (deductible)
""",
    ),
    (
        "P",
        "insurance_claim",
        "preauth_humira_crohns",
        """
Specialty drug request
Drug: ⟦adalimumab (Humira) 40 mg⟧ SC every other week, after loading ⟦160 mg⟧/⟦80 mg⟧
Diagnosis: ⟦Crohn's disease of small and large intestine with fistula⟧ (⟦K50.813⟧)
History: diagnosed age 19; ⟦ileocolonic disease⟧ with ⟦perianal fistula⟧ (⟦seton placed⟧ last year). Failed ⟦azathioprine⟧ (⟦leukopenia⟧, ⟦WBC 2.4⟧) and 2 courses of ⟦prednisone⟧ in 6 months. ⟦Calprotectin 1,250 µg/g⟧, ⟦CRP 28⟧. ⟦Colonoscopy⟧: ⟦deep ulcers terminal ileum⟧. ⟦TB QuantiFERON negative⟧, ⟦HBV serologies negative⟧.
""",
    ),
    (
        "P",
        "school_note",
        "school_seizure_plan",
        """
Seizure care plan — Year 4

Condition: ⟦epilepsy⟧ (⟦absence seizures⟧ and occasional ⟦tonic-clonic seizures⟧)
Daily medication (given at home): ⟦sodium valproate 300 mg⟧ twice a day
Triggers: tiredness, flashing lights, illness with fever

What a seizure looks like: stares, stops responding for 5–10 seconds, eyelids flutter. Bigger seizures: goes stiff then jerks.
Emergency medicine: ⟦Buccolam (midazolam) 7.5 mg⟧ in the red bag in the office. Give if a tonic-clonic seizure lasts more than 5 minutes, then call 999.
Swimming: 1:1 supervision in the water please.
""",
    ),
    (
        "P",
        "school_note",
        "note_teacher_inhaler",
        """
Hi Mrs Ortiz, just a note to let you know she's had a bad week with her ⟦asthma⟧ — she caught a ⟦chest infection⟧ and is on ⟦steroids⟧ until Friday. Her ⟦blue inhaler⟧ and spacer are in her bag; she might need 2 puffs before PE or if she's coughing a lot. Could you let me know if she uses it more than twice? Thanks so much, Gina (mum)
""",
    ),
    (
        "P",
        "sick_note",
        "sick_note_gastro",
        """
To whom it may concern,

This is to certify that the above-named was seen in this surgery today with ⟦acute gastroenteritis⟧ (⟦vomiting⟧ and ⟦diarrhoea⟧ for 36 hours) and is unfit for work for 3 days. As a food handler, they should not return until 48 hours after the last episode of symptoms.

Dr P. Nnamdi, Locum GP
""",
    ),
    (
        "P",
        "therapy_note",
        "therapy_ocd_erp",
        """
Progress note — ERP session 6
Presenting problem: ⟦OCD⟧, contamination subtype. ⟦Y-BOCS 24⟧ at intake, ⟦19⟧ today. Client completed between-session exposures (touching door handles at work without washing for 30 min) on 5 of 7 days; ⟦handwashing⟧ down from ~40 to ~15 times/day. SUDS peaked 75, reduced to 30 by end of today's exposure (kitchen bin lid). Psychiatrist increased ⟦fluoxetine⟧ to ⟦60 mg⟧ last month; client notes ⟦reduced appetite⟧. Homework: public-transport exposure hierarchy items 7–9.
""",
    ),
    (
        "P",
        "dental_note",
        "dental_perio_warfarin",
        """
Perio review. MH: ⟦T2DM⟧ (⟦HbA1c 64 mmol/mol⟧ per pt), ⟦AF⟧ on ⟦warfarin⟧ — ⟦INR 2.6⟧ yesterday (card seen). BPE ⟦4 4 3 / 4 3 4⟧. ⟦Generalised periodontitis stage III grade B⟧. ⟦Mobility UL1 grade I⟧. ⟦BOP 48%⟧. ⟦Ex-smoker⟧ (quit 2 yrs ago). Tx plan: ⟦RSD⟧ per quadrant under LA with local haemostatic measures (no need to stop warfarin, INR <4), OHI, re-eval 3/12. Explained diabetes–perio link.
""",
    ),
    (
        "P",
        "clinical_note",
        "syphilis_secondary",
        """
GUM: ⟦maculopapular rash⟧ incl. palms/soles ×2 wks, ⟦condylomata lata⟧ perianal. ⟦RPR 1:64⟧, ⟦TPPA reactive⟧, ⟦EIA pos⟧. ⟦HIV Ag/Ab neg⟧ today. Dx ⟦secondary syphilis⟧. Rx ⟦benzathine benzylpenicillin 2.4 MU⟧ IM stat. Warned re ⟦Jarisch-Herxheimer⟧. PN: 3 contacts in 3/12 — 2 contactable. F/U ⟦RPR⟧ at 3, 6, 12 months.
""",
    ),
    (
        "P",
        "clinical_note",
        "prep_followup",
        """
PrEP 3-monthly review. On ⟦daily TDF/FTC⟧, reports 1 missed dose/month. ⟦4th-gen HIV test negative⟧ (today, POCT + lab sent). ⟦Creatinine 92⟧, ⟦eGFR >90⟧, ⟦urine PCR 12⟧. ⟦GC/CT NAAT 3-site⟧ pending. ⟦Hep B sAb 180⟧ (immune). ⟦Hep C Ab neg⟧. 2 new partners, condoms inconsistent. Discussed ⟦doxyPEP⟧ — pt keen, ⟦doxycycline 200 mg⟧ ×12 issued. Next review 3/12.
""",
    ),
    (
        "P",
        "clinical_note",
        "top_surgical",
        """
Early pregnancy unit / TOP service
Presented requesting ⟦termination of pregnancy⟧. ⟦USS: single intrauterine pregnancy, CRL consistent with 9+2 weeks⟧. ⟦Rh positive⟧. Pt chose ⟦surgical TOP (MVA under LA)⟧ over medical. ⟦Chlamydia/GC screen⟧ sent. Contraception: plans ⟦IUD⟧ insertion at time of procedure. Procedure performed without complication, ⟦estimated blood loss 50 mL⟧. Discharged with ⟦doxycycline⟧ prophylaxis and aftercare leaflet.
""",
    ),
    (
        "P",
        "clinical_note",
        "detox_alcohol",
        """
Admission for ⟦medically assisted alcohol withdrawal⟧
Drinking ~⟦200 units/week⟧ (vodka) × 3 yrs, last drink 08:00 today. Previous ⟦withdrawal seizure⟧ 2022. ⟦CIWA-Ar 18⟧ on arrival: ⟦tremor⟧, ⟦sweating⟧, ⟦anxiety⟧. ⟦GGT 412⟧, ⟦MCV 104⟧, ⟦plt 98⟧. ⟦AUDIT 34⟧. Plan: symptom-triggered ⟦chlordiazepoxide⟧, ⟦Pabrinex⟧ IV × 3 days then ⟦thiamine 100 mg⟧ tds, ⟦USS liver⟧. Referral to community alcohol team; discussed ⟦acamprosate⟧ post-detox.
""",
    ),
    (
        "P",
        "clinical_note",
        "genetics_lynch",
        """
Clinical genetics — result disclosure
Germline panel: ⟦MLH1 c.1852_1854del, pathogenic⟧ — confirms ⟦Lynch syndrome⟧. Background: his father had ⟦colorectal cancer⟧ at 48 and ⟦endometrial cancer⟧ runs on the paternal side. Management advised: ⟦colonoscopy⟧ every 2 years from now, consider ⟦aspirin 150 mg⟧ daily (CAPP3), awareness of ⟦upper GI and urinary tract cancer⟧ risk. Discussed implications for his two children (testing from 18) and life insurance disclosure rules.
""",
    ),
    (
        "P",
        "clinical_note",
        "genetics_huntington_counsel",
        """
Predictive testing, session 3 of 3. Client (at 50% risk; mother affected by ⟦Huntington's disease⟧) chose to receive result today with partner present. Result: ⟦HTT CAG repeat 42/17⟧ — ⟦full-penetrance allele⟧. Client tearful but had prepared; no current motor signs reported. Safety plan reviewed (⟦previous depression⟧, currently well). Follow-up call booked for day 2, in-person session at 2 weeks, neurology referral for baseline when client is ready.
""",
    ),
    (
        "P",
        "json",
        "json_lab_export_single",
        """
{
  "order": "BMP+LFT",
  "collected": "2024-05-11T07:42:00",
  "results": [
    {"test": "Sodium", "value": "⟦139⟧", "unit": "mmol/L", "flag": null},
    {"test": "Potassium", "value": "⟦3.1⟧", "unit": "mmol/L", "flag": "L"},
    {"test": "Creatinine", "value": "⟦1.9⟧", "unit": "mg/dL", "flag": "H"},
    {"test": "ALT", "value": "⟦212⟧", "unit": "U/L", "flag": "H"},
    {"test": "Total bilirubin", "value": "⟦3.4⟧", "unit": "mg/dL", "flag": "H"}
  ],
  "comment": "Critical values phoned to ward 6B 08:15; ⟦AKI⟧ and ⟦cholestatic picture⟧ noted"
}
""",
    ),
    (
        "P",
        "csv",
        "csv_rehab_caseload",
        """
room;age;primary_dx;mobility;goal
R1;77;⟦L MCA stroke⟧ with ⟦R hemiparesis⟧;⟦hoist⟧;transfers with 1
R2;64;⟦below-knee amputation⟧ (⟦PVD⟧);wheelchair;⟦prosthesis⟧ fitting
R3;52;⟦Guillain-Barré syndrome⟧;⟦frame⟧;walk 20 m
R4;83;⟦hip fracture⟧ post ⟦DHS⟧, ⟦Parkinson's⟧;⟦2 assist⟧;home with carers
R5;41;⟦traumatic brain injury⟧;independent;⟦cognitive rehab⟧
""",
    ),
    (
        "P",
        "chat",
        "chat_partner_herpes",
        """
ok so my bf just told me he has ⟦herpes⟧ 😭 like hsv2. he says hes on ⟦valtrex⟧ every day and hasnt had an ⟦outbreak⟧ in 2 yrs. we always used condoms. do i need to get tested?? and can i even get tested if i dont have symptoms
""",
    ),
    (
        "P",
        "text_message",
        "sms_mum_heart_failure",
        """
Mum's back on the ward 😔 her ⟦heart failure⟧'s got worse, ⟦legs are really swollen⟧ and she's ⟦breathless lying flat⟧. They've put her on ⟦IV furosemide⟧ and said her ⟦kidneys⟧ are struggling a bit. Visiting is 2-8 if you want to pop in
""",
    ),
    (
        "P",
        "meeting_notes",
        "board_minutes_cfo_stroke",
        """
Minutes — Board of Directors, extraordinary meeting

1. Apologies: none.
2. Interim finance leadership. The Chair informed the Board that the Chief Financial Officer is on medical leave following a ⟦stroke⟧ last month and is expected to be absent for at least three months while undergoing ⟦rehabilitation⟧. The Board approved the appointment of the Group Financial Controller as interim CFO with immediate effect.
3. Q2 trading update: revenue in line with forecast; gross margin down 40 bp on freight costs.
4. Any other business: the Board asked that the CFO's health details not be circulated beyond this meeting.
""",
    ),
    (
        "P",
        "form",
        "incident_report_wrist",
        """
WORKPLACE INJURY / INCIDENT REPORT
Location: Dock 3, distribution centre
Description: Employee (forklift operator) stepped off the forklift platform, slipped on wet floor and fell onto outstretched left hand.
Injury: ⟦fracture of left distal radius⟧ (⟦X-ray⟧ at A&E), ⟦swelling and deformity⟧ at scene.
Treatment: first aid on site (splint, ice); taken to hospital by colleague; ⟦ORIF⟧ performed next day.
Expected absence: 6–8 weeks. RIDDOR reportable: yes (over-7-day).
Corrective action: anti-slip mats ordered, roof leak ticket raised.
""",
    ),
    (
        "P",
        "report",
        "audiogram_noise",
        """
Health surveillance — annual audiometry (machinist)
Result: ⟦bilateral high-frequency sensorineural hearing loss⟧, ⟦notch at 4 kHz⟧, ⟦35 dB L / 40 dB R⟧ — ⟦HSE category 3 (poor hearing)⟧, ⟦deterioration from last year⟧. Also reports ⟦tinnitus⟧ after shifts. Employee informed; referred to GP for ENT opinion. Manager informed of category only. Hearing protection compliance to be checked.
""",
    ),
    (
        "P",
        "operative_note",
        "op_tkr",
        """
Procedure: ⟦Right total knee replacement⟧ (cemented, cruciate-retaining)
Indication: ⟦end-stage osteoarthritis⟧ right knee, ⟦varus deformity 12°⟧, failed conservative management incl. ⟦steroid injections⟧ ×3.
Anaesthesia: ⟦spinal⟧ + sedation, ⟦adductor canal block⟧. Tourniquet 78 min. ⟦Tranexamic acid 1 g⟧ IV.
Findings: ⟦tricompartmental OA⟧, ⟦grade 4 changes medial compartment⟧, ⟦large osteophytes⟧.
Post-op: ⟦enoxaparin 40 mg⟧ for 14 days, FWB, physio day 0.
""",
    ),
    (
        "P",
        "clinical_note",
        "psych_clozapine",
        """
Clozapine clinic. Dx ⟦treatment-resistant schizophrenia⟧, on ⟦clozapine 350 mg⟧ nocte. ⟦ANC 2.4⟧ (green). ⟦Clozapine level 0.46 mg/L⟧. ⟦Weight 104 kg⟧ (+3), ⟦fasting glucose 6.8⟧, ⟦triglycerides 3.2⟧. Reports ⟦hypersalivation⟧ at night and ⟦constipation⟧ — started ⟦hyoscine 300 mcg⟧ nocte, ⟦senna⟧ + ⟦docusate⟧. ⟦Auditory hallucinations⟧ present but "background". No SI. Continue; refer to physical health nurse re ⟦metformin⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "ed_anaphylaxis_shellfish",
        """
ED: ⟦anaphylaxis⟧ after prawn curry ~30 min prior. ⟦Urticaria⟧, ⟦lip swelling⟧, ⟦stridor⟧, ⟦BP 82/50⟧. ⟦Adrenaline 0.5 mg IM⟧ ×2, ⟦IV fluids 1 L⟧, ⟦chlorphenamine 10 mg⟧ IV, ⟦hydrocortisone 200 mg⟧ IV. ⟦Mast cell tryptase⟧ at 1h and 4h. Obs 6 h, no biphasic. D/c with ⟦2 × adrenaline autoinjectors⟧, trained; allergy clinic referral for ⟦shellfish allergy⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "pph_delivery",
        """
Delivery note: ⟦SVD⟧ 03:12, live male infant, Apgars 9/10. ⟦Third stage⟧ prolonged; placenta delivered with CCT at 40 min, appears complete. ⟦PPH⟧ — ⟦estimated blood loss 1,200 mL⟧, cause ⟦uterine atony⟧. Managed with ⟦oxytocin infusion⟧, ⟦carboprost 250 mcg IM⟧ ×2, ⟦tranexamic acid 1 g⟧, ⟦bimanual compression⟧. ⟦Hb 78⟧ post. ⟦2 units RBC⟧ transfused. ⟦2nd degree tear⟧ sutured. For ⟦iron⟧ and VTE prophylaxis.
""",
    ),
    (
        "P",
        "clinical_note",
        "onc_nsclc_egfr",
        """
Oncology clinic — cycle review
⟦Stage IV lung adenocarcinoma⟧ (⟦brain⟧ and ⟦bone mets⟧), ⟦EGFR exon 19 deletion⟧, never-smoker. On ⟦osimertinib 80 mg⟧ daily, month 7. ⟦CT CAP⟧ today: ⟦partial response⟧, ⟦primary 3.1 → 1.8 cm⟧. ⟦MRI brain: stable⟧. Side effects: ⟦grade 1 acneiform rash⟧, ⟦paronychia⟧ R big toe. ⟦ECOG 1⟧. ⟦Denosumab⟧ q4w continues. Plan: continue, repeat scans 3 months.
""",
    ),
    (
        "P",
        "clinical_note",
        "palliative_pancreas",
        """
Palliative care home visit
⟦Metastatic pancreatic cancer⟧ (⟦liver mets⟧), ⟦chemo⟧ stopped 3 weeks ago at patient's request. ⟦Pain⟧ in epigastrium/back ⟦7/10⟧ despite ⟦MST 30 mg⟧ bd; using ⟦Oramorph 10 mg⟧ 5–6 ×/day. ⟦Nausea⟧, ⟦poor oral intake⟧, ⟦jaundice⟧ deepening. Plan: convert to ⟦syringe driver⟧ with ⟦diamorphine 40 mg⟧ + ⟦levomepromazine 6.25 mg⟧/24h, anticipatory meds left in home, DNACPR in place. Wife coping but tired; hospice respite discussed.
""",
    ),
    (
        "P",
        "forum_post",
        "forum_long_covid_pots",
        """
14 months of ⟦long covid⟧ update for anyone who finds this useful. Finally got a ⟦tilt table test⟧ — ⟦HR went from 68 to 131⟧ standing, so officially ⟦POTS⟧. I'm on ⟦ivabradine 2.5 mg⟧ twice a day now plus 3 L water and ⟦salt tablets⟧, and ⟦compression tights⟧ (not glamorous). The ⟦brain fog⟧ is still the worst bit, I can work about 3 hours before I ⟦crash⟧. Pacing app has helped more than anything a doctor said tbh.
""",
    ),
    (
        "P",
        "text_message",
        "sms_teacher_daughter_stomach",
        """
Hi Mr Allen, my daughter won't be in today, she's had a ⟦stomach bug⟧ since last night (⟦vomiting⟧). I'll keep her home tomorrow too as per the 48h rule. Thanks, Jo
""",
    ),
    (
        "P",
        "forum_post",
        "forum_husband_ssri_libido",
        """
Throwaway for obvious reasons. My husband (42) started ⟦escitalopram 10mg⟧ in January for ⟦anxiety⟧ and honestly he's so much calmer, but ⟦sexual side effects⟧ have basically ended things in that department. He's embarrassed to bring it up with his GP. Did anyone's partner switch to something like ⟦bupropion⟧ and did it help? I don't want him to stop the meds, he was having ⟦panic attacks⟧ at work before.
""",
    ),
    (
        "P",
        "chat",
        "telehealth_shingles",
        """
Nurse practitioner (video visit) — summary for patient
You have ⟦shingles (herpes zoster)⟧ on the right side of your chest, in one band, which started with ⟦burning pain⟧ 3 days ago and a ⟦blistering rash⟧ yesterday. I've sent ⟦valacyclovir 1 g⟧ three times a day for 7 days to your pharmacy, and you can use ⟦acetaminophen⟧ for pain. Keep the rash covered around anyone pregnant or with weak immunity until it crusts over. Message us if the rash spreads near your eye.
""",
    ),
    (
        "P",
        "clinical_note",
        "physio_rotator_cuff",
        """
Physio initial assessment — R shoulder
HPC: 3/12 ⟦R shoulder pain⟧, worse overhead and lying on R side, gradual onset after painting ceiling. ⟦Night pain⟧ 5/10.
O/E: ⟦painful arc 70–120°⟧, ⟦Empty can +ve⟧, ⟦ER lag sign -ve⟧, ⟦strength 4/5 abduction⟧. ⟦US (private)⟧: ⟦partial-thickness supraspinatus tear⟧, ⟦SASD bursitis⟧.
Imp: ⟦rotator cuff related shoulder pain⟧ with ⟦partial tear⟧.
Plan: education, load management, ⟦isometric ER/abd progressions⟧, review 2/52. Consider ⟦subacromial injection⟧ if no progress at 6/52.
""",
    ),
    (
        "P",
        "clinical_note",
        "slt_aphasia",
        """
SLT outpatient — 6 weeks post ⟦L MCA infarct⟧. Presents with ⟦moderate expressive aphasia⟧ (⟦WAB-R AQ 61⟧), ⟦apraxia of speech⟧ and ⟦right-sided facial weakness⟧. Comprehension of simple commands intact. ⟦Dysphagia⟧ now resolved — upgraded to normal diet last week. Goals: functional phrases for shopping and phone calls; communication book introduced; husband trained in supported conversation techniques.
""",
    ),
    (
        "P",
        "clinical_note",
        "peds_speech_delay",
        """
Community paediatrics — 2y 9m review
Parents concerned re ⟦speech delay⟧: ~15 single words, no 2-word combinations. Good receptive understanding, points and shares attention. ⟦Recurrent otitis media⟧ with ⟦glue ear⟧ — ⟦tympanometry: type B bilaterally⟧; ⟦audiology⟧ shows ⟦mild conductive hearing loss⟧. Plan: ENT referral re ⟦grommets⟧, SLT referral, review 6 months. No features of ASD at this visit.
""",
    ),
    (
        "P",
        "clinical_note",
        "eye_glaucoma",
        """
Glaucoma clinic: ⟦POAG⟧ both eyes. ⟦IOP R 28 / L 22 mmHg⟧ on ⟦latanoprost⟧ nocte. ⟦CCT 520/525⟧. ⟦Visual fields⟧: ⟦R superior arcuate defect, MD -6.2 dB⟧, progressing. ⟦OCT⟧ ⟦RNFL thinning inferotemporal R⟧. Plan: add ⟦timolol 0.5%⟧ bd R; ⟦SLT laser⟧ discussed and booked R. Pt drives — fields meet DVLA standard at present.
""",
    ),
    (
        "P",
        "pathology_report",
        "derm_melanoma",
        """
HISTOPATHOLOGY — skin, left upper back, ⟦excision biopsy⟧
Diagnosis: ⟦Invasive malignant melanoma⟧, ⟦superficial spreading type⟧.
⟦Breslow thickness 1.2 mm⟧. Ulceration absent. ⟦Mitoses 2/mm²⟧. ⟦Clark level IV⟧. No LVI, no microsatellites. Peripheral margin 2 mm, deep 1.5 mm.
Stage: ⟦pT2a⟧. Recommend ⟦wider excision⟧ and discussion of ⟦sentinel lymph node biopsy⟧ at skin MDT.
""",
    ),
    (
        "P",
        "report",
        "sleep_study_osa",
        """
Home sleep study report
⟦AHI 34 events/h⟧ (supine 52, non-supine 18), ⟦ODI 31⟧, ⟦lowest SpO2 79%⟧, ⟦time <90% 48 min⟧. ⟦Epworth 15⟧. ⟦BMI 33⟧, ⟦neck 44 cm⟧. Conclusion: ⟦severe obstructive sleep apnoea⟧. Recommendation: ⟦auto-CPAP⟧ trial; DVLA notification advised as patient reports ⟦excessive daytime sleepiness⟧ and drives for work. ⟦Weight loss⟧ support.
""",
    ),
]
EN_HELD += [
    (
        "N",
        "question",
        "q_hepatitis_abc",
        """
What's the difference between hepatitis A, B and C? Which ones have a vaccine and which ones can become chronic?
""",
    ),
    (
        "N",
        "question",
        "q_ssri_how",
        """
How do SSRIs work, and why does it take several weeks before people feel any benefit if serotonin levels go up within hours?
""",
    ),
    (
        "N",
        "question",
        "q_egfr_normal",
        """
What is a normal eGFR, and why do some labs stop reporting an exact number above 90? Asking for a data-modelling project on kidney function trends.
""",
    ),
    (
        "N",
        "leaflet",
        "pil_amoxicillin",
        """
Amoxicillin 500 mg capsules — What you need to know before you take them
Do not take Amoxicillin if you are allergic to amoxicillin, penicillin or any of the other ingredients. Talk to your doctor or pharmacist before taking this medicine if you have glandular fever, kidney problems, or are not urinating regularly.
Pregnancy and breast-feeding: if you are pregnant or breast-feeding, think you may be pregnant or are planning to have a baby, ask your doctor or pharmacist for advice before taking this medicine.
The most common side effects are diarrhoea, feeling sick and skin rash.
""",
    ),
    (
        "N",
        "news",
        "news_who_tb",
        """
GENEVA — An estimated 10.8 million people fell ill with tuberculosis last year, the highest number since global monitoring began, according to a new WHO report. Eight countries accounted for two thirds of cases. Drug-resistant TB remains a public health crisis, with only about two in five people with MDR-TB enrolled in treatment. The report calls for expanded use of rapid molecular tests and shorter all-oral regimens.
""",
    ),
    (
        "N",
        "guideline",
        "guideline_gdm_screening",
        """
Screening for gestational diabetes
Offer women with any of the following risk factors a 75 g 2-hour oral glucose tolerance test at 24–28 weeks: BMI above 30 kg/m²; previous macrosomic baby weighing 4.5 kg or more; previous gestational diabetes; family history of diabetes (first-degree relative); an ethnicity with a high prevalence of diabetes. Offer women who had gestational diabetes in a previous pregnancy early self-monitoring of blood glucose or an OGTT as soon as possible after booking.
""",
    ),
    (
        "N",
        "abstract",
        "abstract_semaglutide_rct",
        """
Objective: To assess the effect of once-weekly semaglutide 2.4 mg on body weight in adults with overweight or obesity without diabetes.
Design: 68-week, double-blind, randomised, placebo-controlled trial at 129 sites.
Participants: 1,961 adults with BMI ≥30, or ≥27 with at least one weight-related comorbidity.
Results: Mean change in body weight was −14.9% with semaglutide vs −2.4% with placebo. Gastrointestinal adverse events (nausea, diarrhoea) were more frequent with semaglutide and were mostly transient.
""",
    ),
    (
        "N",
        "policy",
        "policy_mental_health_benefit",
        """
Behavioral Health Benefits
Covered services include outpatient psychotherapy (up to 30 visits per plan year), psychiatric medication management, intensive outpatient programs, and inpatient treatment for mental health and substance use disorders when medically necessary. Prior authorization is required for residential treatment, ECT and TMS. Services for autism spectrum disorder, including ABA therapy, are covered for members under 21. Couples counseling and court-ordered evaluations are not covered.
""",
    ),
    (
        "N",
        "job_ad",
        "jobad_psych_np",
        """
Psychiatric Mental Health Nurse Practitioner (PMHNP) — Hybrid
Join our outpatient team treating adults with depression, anxiety, bipolar disorder, PTSD and ADHD. You'll conduct diagnostic evaluations, manage psychotropic medications, and collaborate with therapists. Experience with buprenorphine for opioid use disorder is a plus (X-waiver no longer required). Salary $135–155k, 4-day week available, loan repayment eligible.
""",
    ),
    (
        "N",
        "code",
        "ts_interfaces",
        """
export interface Medication {
  rxnormCode: string;
  name: string;            // e.g. "lisinopril 10 mg tablet"
  sig?: string;
}

export interface PatientSummary {
  id: string;
  problems: Array<{ code: string; display: string; status: "active" | "resolved" }>;
  meds: Medication[];
  allergies: string[];
  pregnant?: boolean;
}

export const isHighRisk = (p: PatientSummary) =>
  p.problems.some((x) => x.status === "active" && ["I50", "N18.5", "C34"].includes(x.code));
""",
    ),
    (
        "N",
        "textbook",
        "hl7_segment_spec",
        """
PID — Patient Identification segment (selected fields)
PID-3  Patient Identifier List      CX   required, repeating
PID-5  Patient Name                 XPN  required
PID-7  Date/Time of Birth           DTM  optional
DG1 — Diagnosis segment
DG1-3  Diagnosis Code               CWE  e.g. ICD-10-CM
DG1-6  Diagnosis Type               IS   A = admitting, W = working, F = final
OBX — Observation/Result
OBX-3  Observation Identifier       CWE  LOINC code of the test
OBX-5  Observation Value            varies
OBX-8  Interpretation Codes         CWE  H, L, HH, LL, A
""",
    ),
    (
        "N",
        "code",
        "snomed_map_dict",
        """
# Minimal SNOMED CT -> display map used by the demo seed script (no patient data)
SNOMED_DISPLAY = {
    "38341003": "Hypertensive disorder",
    "195967001": "Asthma",
    "35489007": "Depressive disorder",
    "86406008": "Human immunodeficiency virus infection",
    "77386006": "Pregnancy",
    "254837009": "Malignant neoplasm of breast",
    "7200002": "Alcoholism",
}
""",
    ),
    (
        "N",
        "chat",
        "fig_pr_headache",
        """
reading this PR gave me a headache tbh. 2,000 lines, no tests, and a commit message that just says "stuff". can we split it up before review?
""",
    ),
    (
        "N",
        "news",
        "fig_market_cold",
        """
Markets caught a cold on Tuesday as bond yields spiked, with tech stocks bleeding the most. Analysts said the sector's earnings fever may finally be breaking, though some see the sell-off as a healthy correction rather than anything terminal.
""",
    ),
    (
        "N",
        "chat",
        "fig_addicted_show",
        """
I'm completely addicted to this show, I watched all of season 2 in one weekend. my sleep schedule is in the ICU now lol. no spoilers pls
""",
    ),
    (
        "N",
        "email",
        "fig_onboarding_bleeding",
        """
Team — our onboarding process is bleeding out. 40% of new users drop off at step 3 and the support queue is hemorrhaging tickets about the verification email. Let's triage in Thursday's meeting and put the flow on the operating table next sprint.
""",
    ),
    (
        "N",
        "vet_note",
        "vet_horse_colic",
        """
Equine call-out 21:40. 12 yo TB gelding, pawing, rolling, flank-watching since 18:00.
HR 56, RR 20, mm tacky, CRT 2.5 s, reduced gut sounds R side. Rectal: distended SI loops palpable.
NG tube — 4 L reflux. Flunixin 1.1 mg/kg IV given, minimal relief.
Assessment: likely surgical colic (SI strangulation?). Owner agreed referral to surgical hospital; lorry leaving 22:30.
""",
    ),
    (
        "N",
        "vet_note",
        "vet_rabbit_teeth",
        """
Rabbit, 5 yr old neutered doe (Lionhead). Owner reports reduced appetite, drooling, smaller droppings. Oral exam under sedation: overgrown lower incisors and spurs on upper premolars lacerating the cheek. Burred incisors and rasped molar spurs. Meloxicam 0.6 mg/kg PO SID 5 days, critical care feeding, unlimited hay. Recheck 6 weeks — likely ongoing dental management.
""",
    ),
    (
        "N",
        "plot_summary",
        "plot_film_alzheimers",
        """
Film review: The drama follows Alice, a fictional linguistics professor, as she is diagnosed with early-onset Alzheimer's disease at fifty and watches her career and memory unravel. The screenplay lets the disease advance in small, ordinary moments — a forgotten word in a lecture, getting lost on a familiar jog — rather than big set pieces. The lead's performance won every major award that season.
""",
    ),
    (
        "N",
        "textbook",
        "textbook_sickle_cell",
        """
Sickle cell disease results from a point mutation in the β-globin gene (Glu6Val). Deoxygenated HbS polymerises, distorting red cells into a sickle shape. Consequences include chronic haemolytic anaemia, vaso-occlusive crises, acute chest syndrome, functional asplenia (with susceptibility to encapsulated organisms) and stroke. Hydroxyurea increases HbF and reduces crisis frequency; transfusion and, in selected cases, stem cell transplantation or gene therapy are used.
""",
    ),
    (
        "N",
        "marketing",
        "campaign_flu_shot",
        """
Get your flu jab this autumn 🍂
Free for: everyone aged 65+, pregnant women, people with long-term health conditions like asthma, diabetes or heart disease, carers, and children aged 2–3. Book at your GP surgery or local pharmacy. It takes 5 minutes and protects you and the people around you.
""",
    ),
    (
        "N",
        "question",
        "q_quiz_lithium",
        """
Pharmacology quiz (week 4): Which of the following is NOT a recognised adverse effect of lithium? (a) hypothyroidism (b) nephrogenic diabetes insipidus (c) fine tremor (d) agranulocytosis (e) weight gain. Answers will be posted Friday.
""",
    ),
    (
        "N",
        "textbook",
        "blog_pregnancy_weeks",
        """
Pregnancy week by week: weeks 13–16
You're now in the second trimester! By week 14 the baby is about the size of a lemon. Many people find that nausea eases around this time and energy returns. Your midwife may offer the 16-week appointment to review blood test results and check blood pressure. Round ligament pain — a sharp pulling feeling low in the abdomen — is common as the uterus grows.
""",
    ),
    (
        "N",
        "faq",
        "policy_visitors_infection",
        """
Visitor guidance during norovirus outbreaks
If a ward is closed due to diarrhoea and vomiting, visiting is restricted to one named visitor per patient. Please do not visit if you have had vomiting or diarrhoea in the last 48 hours. Wash your hands with soap and water — alcohol gel does not kill norovirus.
""",
    ),
    (
        "N",
        "code",
        "api_docs_labs",
        """
GET /v2/patients/{patient_id}/observations?category=laboratory
Returns a Bundle of Observation resources.
Query params:
  code     LOINC code, e.g. 4548-4 (Hemoglobin A1c)
  date     ge/le range
  _count   page size (max 200)
Errors: 404 if the patient does not exist; 403 if the caller lacks the lab.read scope.
Example: GET /v2/patients/{patient_id}/observations?code=2160-0&date=ge2024-01-01
""",
    ),
    (
        "N",
        "code",
        "dbt_model_readmissions",
        """
-- models/marts/readmissions_30d.sql
with index_admissions as (
    select admission_id, patient_key, discharge_ts, primary_dx_code
    from {{ ref('stg_admissions') }}
    where primary_dx_code in ('I50.9', 'J44.1', 'J18.9')   -- HF, COPD exacerbation, pneumonia
)
select i.primary_dx_code,
       count(*)                                             as index_stays,
       avg(case when r.admission_id is not null then 1 else 0 end) as readmit_rate
from index_admissions i
left join {{ ref('stg_admissions') }} r
  on r.patient_key = i.patient_key
 and r.admit_ts between i.discharge_ts and i.discharge_ts + interval '30 days'
group by 1
""",
    ),
    (
        "N",
        "marketing",
        "supplement_ad_joints",
        """
FlexiMove Gold — supports healthy joints and mobility*
With glucosamine, chondroitin and turmeric. Ideal for active adults and anyone who feels stiff in the morning. One tablet a day with food.
*These statements have not been evaluated by the Food and Drug Administration. This product is not intended to diagnose, treat, cure, or prevent any disease. Consult your physician if you are pregnant, nursing or taking blood thinners.
""",
    ),
    (
        "N",
        "meeting_notes",
        "hospital_board_budget",
        """
Trust Board — Finance & Performance summary
Bed occupancy averaged 96% in Q3 (target 92%). ED 4-hour performance 71%. Elective recovery: hip and knee replacement waiting list down 8%; cataract backlog cleared. Cancer 62-day standard 68% vs 85% target — urology and lower GI remain the main pressures. Agency spend £2.1m over plan, mainly in mental health inpatient wards.
""",
    ),
    (
        "N",
        "csv",
        "stats_asthma_prevalence",
        """
age_group,asthma_prevalence_pct,ci_low,ci_high,survey_year
0-4,5.1,4.2,6.0,2022
5-11,9.8,8.9,10.7,2022
12-17,10.4,9.3,11.5,2022
18-44,7.9,7.4,8.4,2022
45-64,8.6,8.0,9.2,2022
65+,7.2,6.5,7.9,2022
""",
    ),
    (
        "N",
        "news",
        "press_cancer_centre",
        """
The new £45m Regional Cancer Centre will open its doors in spring, bringing radiotherapy, chemotherapy and a dedicated teenage and young adult unit under one roof. The centre is expected to treat around 4,000 people a year and will host clinical trials in immunotherapy and proton beam planning. "Patients will no longer have to travel two hours for radiotherapy," said the trust's medical director.
""",
    ),
    (
        "N",
        "textbook",
        "glossary_terms",
        """
Glossary
Comorbidity — the presence of one or more additional conditions alongside a primary condition.
Contraindication — a situation in which a drug or procedure should not be used because it may be harmful.
Idiopathic — of unknown cause.
Prognosis — the likely course and outcome of a disease.
Remission — a period in which signs and symptoms of a disease are reduced or have disappeared.
""",
    ),
    (
        "N",
        "chat",
        "fig_lovesick",
        """
I'm so sick of this weather. Also heartbroken that the café on the corner is closing, they had the best cinnamon buns. My inbox is a disease at this point
""",
    ),
    (
        "N",
        "textbook",
        "history_insulin",
        """
In 1921, Frederick Banting and Charles Best, working in J.J.R. Macleod's laboratory in Toronto, isolated insulin from dog pancreases. The first human injection, in January 1922, was given to a 14-year-old boy dying of diabetes; purification by James Collip made the extract usable. The discovery transformed type 1 diabetes from a fatal disease into a chronic condition, and the 1923 Nobel Prize went to Banting and Macleod.
""",
    ),
    (
        "N",
        "guideline",
        "trial_inclusion",
        """
Eligibility criteria
Inclusion: adults aged 18–75 years; confirmed diagnosis of moderate-to-severe plaque psoriasis for ≥6 months; PASI ≥12 and BSA ≥10%; candidate for systemic therapy.
Exclusion: active or latent tuberculosis; HIV, hepatitis B or C infection; pregnancy or breastfeeding; malignancy within 5 years (except treated basal cell carcinoma); prior exposure to IL-17 inhibitors.
""",
    ),
]

EN_HELD += [
    (
        "V",
        "vignette",
        "vig_graves",
        """
A 30-year-old woman presents with ⟦palpitations⟧, ⟦heat intolerance⟧ and ⟦5 kg weight loss⟧ despite ⟦increased appetite⟧. Examination reveals a ⟦diffusely enlarged, non-tender thyroid with a bruit⟧, ⟦lid lag⟧ and ⟦proptosis⟧. ⟦TSH < 0.01 mU/L⟧; ⟦free T4 48 pmol/L⟧. Which antibody is most likely to be present?
""",
    ),
    (
        "V",
        "vignette",
        "vig_painless_jaundice",
        """
A 70-year-old man presents with ⟦painless jaundice⟧, ⟦pale stools⟧, ⟦dark urine⟧ and ⟦itching⟧. He has ⟦lost 8 kg⟧ over 2 months
 and was recently diagnosed with ⟦new-onset diabetes⟧. On examination there is a ⟦palpable, non-tender gallbladder⟧. ⟦Bilirubin is 210 µmol/L⟧ and ⟦ALP 640 U/L⟧. What is the most likely diagnosis?
""",
    ),
    (
        "V",
        "case_report",
        "case_lupus_nephritis",
        """
A 34-year-old woman with a 6-year history of ⟦systemic lupus erythematosus⟧ presented with ⟦bilateral leg oedema⟧ and ⟦frothy urine⟧. ⟦Blood pressure was 156/98 mmHg⟧. ⟦Urine protein–creatinine ratio 480 mg/mmol⟧, ⟦serum albumin 21 g/L⟧, ⟦anti-dsDNA 340 IU/mL⟧, ⟦low C3 and C4⟧. ⟦Renal biopsy⟧ showed ⟦class IV lupus nephritis⟧. She received ⟦mycophenolate mofetil⟧ with ⟦glucocorticoids⟧ and later ⟦belimumab⟧, achieving ⟦partial renal response⟧ at 12 months.
""",
    ),
    (
        "V",
        "vignette",
        "vig_kawasaki",
        """
A 2-year-old girl has had ⟦fever⟧ for 6 days. She has ⟦bilateral non-purulent conjunctival injection⟧, ⟦cracked red lips⟧, a ⟦polymorphous rash⟧, ⟦swelling of the hands and feet⟧ and a ⟦1.8 cm cervical lymph node⟧. ⟦CRP 140 mg/L⟧, ⟦platelets 520 × 10⁹/L⟧. Which investigation is most important to arrange?
""",
    ),
    (
        "V",
        "vignette",
        "vig_meningitis_student",
        """
A 19-year-old college student is brought in by his roommate with ⟦fever⟧, ⟦severe headache⟧ and ⟦neck stiffness⟧ for 12 hours. He is ⟦confused⟧ and has a ⟦non-blanching petechial rash⟧ on his legs. ⟦BP 88/50⟧, ⟦HR 128⟧. What is the most appropriate immediate step?
""",
    ),
    (
        "V",
        "case_report",
        "case_takotsubo",
        """
We report a 52-year-old woman who presented with ⟦acute chest pain⟧ two hours after learning of her brother's sudden death. ⟦ECG showed ST elevation in V2–V5⟧ and ⟦troponin peaked at 2.1 ng/mL⟧. ⟦Coronary angiography⟧ revealed no obstructive disease; ⟦left ventriculography⟧ demonstrated ⟦apical ballooning⟧ with ⟦LVEF 35%⟧. A diagnosis of ⟦takotsubo cardiomyopathy⟧ was made. She was treated with ⟦bisoprolol⟧ and ⟦ramipril⟧; ⟦echocardiography⟧ at 6 weeks showed ⟦full recovery of LV function⟧.
""",
    ),
    (
        "V",
        "vignette",
        "vig_lithium_toxicity",
        """
A 60-year-old man with ⟦bipolar disorder⟧ maintained on ⟦lithium⟧ was recently started on ⟦hydrochlorothiazide⟧ for ⟦hypertension⟧. He now has ⟦coarse tremor⟧, ⟦ataxia⟧, ⟦vomiting⟧ and ⟦confusion⟧. ⟦Serum lithium is 2.8 mmol/L⟧; ⟦creatinine 160 µmol/L⟧. What is the most appropriate treatment?
""",
    ),
]

# =============================================================================================
# GERMAN - DEV
# =============================================================================================
DE_DEV = [
    (
        "P",
        "clinical_note",
        "hausarzt_dauerdiagnosen",
        """
Dauerdiagnosen:
- ⟦Arterielle Hypertonie⟧ (⟦I10.90⟧)
- ⟦Diabetes mellitus Typ 2⟧, nicht insulinpflichtig (⟦E11.90⟧)
- ⟦Adipositas Grad I⟧ (⟦BMI 32⟧)
- ⟦Z.n. Appendektomie⟧ 1998

Aktuelle Medikation:
⟦Metformin 1000 mg⟧ 1-0-1
⟦Ramipril 5 mg⟧ 1-0-0
⟦Simvastatin 20 mg⟧ 0-0-1

Befund heute: ⟦RR 148/92⟧, ⟦HbA1c 7,4 %⟧. Pat. berichtet über ⟦nächtliche Wadenkrämpfe⟧. Ernährungsberatung empfohlen, Kontrolle in 3 Monaten.
""",
    ),
    (
        "P",
        "clinical_note",
        "konsil_cholezysto",
        """
Chirurgisches Konsil
Pat. stellt sich mit seit 2 Tagen bestehenden ⟦rechtsseitigen Oberbauchschmerzen⟧ nach fettreichem Essen vor, ⟦Übelkeit⟧, kein Fieber. ⟦Murphy-Zeichen positiv⟧. Sono: ⟦multiple Konkremente in der Gallenblase⟧, ⟦Wandverdickung 5 mm⟧. Labor: ⟦Leukozyten 13,2⟧, ⟦CRP 46⟧, ⟦Bilirubin normwertig⟧. Vorerkrankungen: ⟦Z.n. Sectio⟧ 2015.
Beurteilung: ⟦akute Cholezystitis⟧ bei ⟦Cholezystolithiasis⟧.
Procedere: stationäre Aufnahme, ⟦Ampicillin/Sulbactam⟧, ⟦laparoskopische Cholezystektomie⟧ innerhalb von 72 h.
""",
    ),
    (
        "P",
        "email",
        "hr_bandscheibe_lager",
        """
Betreff: Ausfall Lager / Schichtplan KW 12

Hallo Jens,

kurze Info: unser Kollege aus der Frühschicht im Lager ist seit Montag krankgeschrieben, die AU-Bescheinigung liegt mir vor (bis einschließlich 28.). Er hat mir am Telefon gesagt, dass es ein ⟦Bandscheibenvorfall⟧ im ⟦LWS-Bereich⟧ ist und er eventuell ⟦operiert⟧ werden muss. Bitte plan ihn für die nächsten drei Wochen nicht ein und sprich mit der Zeitarbeitsfirma wegen Ersatz.

Das mit der Diagnose bitte vertraulich behandeln.

Grüße
Anja (Personal)
""",
    ),
    (
        "P",
        "chat",
        "chat_hashimoto_kaffee",
        """
hab heute die diagnose bekommen: ⟦hashimoto⟧ 🙄 ⟦tsh war 6,9⟧ und die ⟦antikörper⟧ ⟦ziemlich hoch⟧. muss jetzt ⟦L-Thyroxin 50⟧ nehmen, morgens nüchtern. darf ich danach trotzdem direkt kaffee trinken oder muss ich da echt ne halbe stunde warten??
""",
    ),
    (
        "P",
        "forum_post",
        "forum_mutter_demenz",
        """
Hallo zusammen,
meine Mutter (81) hat seit ca. zwei Jahren eine ⟦Alzheimer-Demenz⟧, bisher ging es mit Pflegedienst morgens und abends. Letzte Woche ist sie nachts ⟦gestürzt⟧ und hatte eine ⟦Platzwunde am Kopf⟧, seitdem ist sie ⟦sehr verwirrt⟧ und will nicht mehr essen. Der Hausarzt hat ⟦Risperidon⟧ aufgeschrieben, weil sie abends so ⟦unruhig⟧ ist, aber ich habe gelesen, dass das bei Demenz problematisch sein soll. Hat jemand Erfahrung damit? Und wie habt ihr das mit der Kurzzeitpflege organisiert?
""",
    ),
    (
        "P",
        "handover",
        "uebergabe_hueft_tep",
        """
Übergabe Frühdienst, Zi. 214 Fensterbett:
Pat. 1. post-OP Tag nach ⟦Hüft-TEP li.⟧, mobilisiert an die Bettkante mit PT. ⟦Schmerzen NRS 6⟧ bei Bewegung, hat um 5 Uhr ⟦Novalgin 1 g⟧ bekommen. ⟦Hb heute 9,1⟧ (präop ⟦12,8⟧), Arzt informiert, Kontrolle morgen. Redon ⟦120 ml⟧. Bekannte ⟦Niereninsuffizienz⟧, daher kein Ibu. Bilanz positiv, ⟦Beine leicht ödematös⟧. DK noch drin, soll heute raus. ⟦Thromboseprophylaxe⟧ mit ⟦Clexane 40⟧ läuft.
""",
    ),
    (
        "P",
        "lab_result",
        "laborbefund_niere",
        """
LABORBEFUND (Auszug)            Ergebnis    Einheit    Referenz
Kreatinin                       ⟦1,82⟧ +      mg/dl      0,50-0,90
eGFR (CKD-EPI)                  ⟦38⟧ -        ml/min     >60
Harnstoff                       ⟦68⟧ +        mg/dl      17-43
Kalium                          ⟦5,4⟧ +       mmol/l     3,5-5,1
Natrium                         ⟦138⟧         mmol/l     136-145
Hämoglobin                      ⟦10,9⟧ -      g/dl       12,0-15,5

Kommentar: Deutliche ⟦Einschränkung der Nierenfunktion⟧, Befund telefonisch an Praxis Dr. Brandt durchgegeben.
""",
    ),
    (
        "P",
        "referral_letter",
        "ueberweisung_kardio_vhf",
        """
Überweisungsschein — Auftrag an: Kardiologie
Diagnose/Verdachtsdiagnose: V.a. ⟦paroxysmales Vorhofflimmern⟧ (⟦I48.0 V⟧)
Befund/Medikation: Pat. klagt seit 4 Wo. über ⟦anfallsartiges Herzrasen⟧ mit ⟦Schwindel⟧, ⟦Ruhe-EKG⟧ unauffällig, ⟦Langzeit-EKG⟧: ⟦2 Episoden absolute Arrhythmie⟧, max. ⟦HF 156/min⟧. ⟦CHA2DS2-VASc 2⟧. Bisher keine Antikoagulation. Erbitte ⟦Echo⟧ und Mitbeurteilung bzgl. ⟦Antikoagulation⟧/⟦Ablation⟧.
""",
    ),
    (
        "P",
        "therapy_note",
        "psychotherapie_bericht_f32",
        """
Bericht an den Gutachter (Umwandlungsantrag KZT → LZT), Auszug

Diagnose: ⟦mittelgradige depressive Episode⟧ (⟦F32.1⟧), ⟦soziale Phobie⟧ (⟦F40.1⟧).
Die Patientin befindet sich seit 24 Sitzungen in ⟦verhaltenstherapeutischer Behandlung⟧. Zu Beginn standen ⟦Antriebslosigkeit⟧, ⟦Schlafstörungen⟧ und ⟦ausgeprägte Grübelneigung⟧ im Vordergrund (⟦BDI-II 31⟧). Unter Therapie und der vom Psychiater verordneten Medikation mit ⟦Sertralin 50 mg⟧ hat sich die Stimmung gebessert (⟦BDI-II 19⟧). Die ⟦soziale Angst⟧ schränkt sie beruflich weiterhin deutlich ein; sie vermeidet Besprechungen und Telefonate. Geplant sind weitere 36 Sitzungen mit Schwerpunkt Expositionsübungen.
""",
    ),
    (
        "P",
        "school_note",
        "schule_diabetes_pumpe",
        """
Liebe Frau Schneider,

wie besprochen ein paar Infos für die Klassenfahrt: Unser Sohn hat ⟦Diabetes Typ 1⟧ und trägt eine ⟦Insulinpumpe⟧ (Omnipod) und einen ⟦Sensor⟧ am Oberarm. Die Werte sieht er auf dem Handy. Bei einem Wert unter 70 muss er sofort ⟦Traubenzucker⟧ essen – das weiß er, aber manchmal merkt er ⟦Unterzuckerungen⟧ beim Toben nicht. Das ⟦Glukagon-Nasenspray⟧ (Baqsimi) ist in der Notfalltasche. Bitte rufen Sie uns jederzeit an, auch nachts.

Viele Grüße
Familie Yilmaz
""",
    ),
    (
        "P",
        "dental_note",
        "zahnarzt_marcumar_36",
        """
Pat. stellt sich vor mit ⟦tief zerstörtem 36⟧, ⟦Aufbissschmerz⟧. Rö: ⟦apikale Aufhellung 36 mesial⟧. Anamnese: ⟦Vorhofflimmern⟧, ⟦Marcumar⟧ — ⟦INR heute 2,4⟧ (Hausarzt). Aufklärung über ⟦Extraktion⟧ unter ⟦Antikoagulation⟧ ohne Pausieren. ⟦Extraktion 36⟧ komplikationslos in ⟦Infiltrationsanästhesie⟧ (⟦UDS forte 1,7 ml⟧), Kollagenvlies, Naht, Aufbiss auf Tupfer mit Tranexamsäure. NK morgen.
""",
    ),
    (
        "P",
        "insurance_claim",
        "reha_antrag_knie",
        """
Antrag auf Anschlussheilbehandlung (AHB) — Ärztlicher Befundbericht

Zuweisungsdiagnose: ⟦Gonarthrose rechts⟧, Z.n. ⟦Knie-TEP rechts⟧ am 12.03.
Nebendiagnosen: ⟦KHK⟧ mit ⟦Z.n. Stent⟧ 2019, ⟦Diabetes mellitus Typ 2⟧, ⟦Adipositas⟧.
Aktueller Befund: ⟦Beweglichkeit Ext/Flex 0-5-85°⟧, ⟦Wundheilung regelrecht⟧, Mobilisation mit Unterarmgehstützen, ⟦Schwellung⟧ mäßig.
Rehabilitationsfähigkeit: gegeben. Ziel: Gehstrecke > 500 m ohne Hilfsmittel, Treppensteigen, Rückkehr an den Arbeitsplatz (Busfahrer).
""",
    ),
    (
        "P",
        "clinical_note",
        "hiv_praxis_kontrolle",
        """
HIV-Schwerpunktpraxis, Quartalskontrolle
⟦HIV-Infektion⟧ seit 2016, ⟦CDC A2⟧. Unter ⟦Biktarvy⟧ stabil, Adhärenz gut. ⟦Viruslast < 20 Kopien/ml⟧, ⟦CD4 612/µl (34 %)⟧. Nebenbefundlich ⟦LDL 168 mg/dl⟧ – Statin besprochen. ⟦Lues-Serologie negativ⟧. Pat. lebt in fester Partnerschaft, Partner PrEP nicht nötig
 bei ⟦nicht nachweisbarer Viruslast⟧ (U=U). Nächste Kontrolle in 3 Mon.
""",
    ),
    (
        "P",
        "clinical_note",
        "entzug_alkohol_qe",
        """
Aufnahmebefund Station 3 (qualifizierter Entzug)
Pat. mit ⟦Alkoholabhängigkeitssyndrom⟧ (⟦F10.2⟧), Konsum zuletzt ca. ⟦1,5 l Wein + 4 Bier/Tag⟧. Letzter Konsum heute 7 Uhr. ⟦AAS 12⟧: ⟦Tremor⟧, ⟦Schwitzen⟧, ⟦innere Unruhe⟧. ⟦Promille bei Aufnahme 1,8⟧. ⟦GGT 240⟧, ⟦MCV 101⟧. Anamn. ⟦Entzugskrampfanfall⟧ 2021. Therapie: ⟦Clomethiazol⟧ nach Schema, ⟦Thiamin 100 mg⟧ i.v. Motivation für Langzeittherapie vorhanden, Kontakt Suchtberatung.
""",
    ),
    (
        "P",
        "email",
        "hr_schwanger_beschaeftigungsverbot",
        """
Betreff: Mitteilung nach MuSchG – Labor Halle 2

Liebe Kolleginnen und Kollegen der Arbeitssicherheit,

eine Mitarbeiterin aus dem Analytiklabor hat uns heute mitgeteilt, dass sie ⟦schwanger⟧ ist (⟦10. SSW⟧). Da sie regelmäßig mit Lösungsmitteln arbeitet, bitten wir um eine kurzfristige Gefährdungsbeurteilung. Bis dahin gilt ein betriebliches Beschäftigungsverbot für Tätigkeiten im Abzug. Ihr Frauenarzt hat außerdem wegen ⟦Blutungen in der Frühschwangerschaft⟧ körperliche Schonung empfohlen.

Bitte die Information nur an die direkte Vorgesetzte weitergeben.

Viele Grüße
Personalabteilung
""",
    ),
]
DE_DEV += [
    (
        "N",
        "question",
        "q_schilddruese_symptome",
        """
Was sind typische Symptome einer Schilddrüsenunterfunktion und wie wird sie festgestellt? Reicht ein TSH-Wert oder braucht man immer auch fT3 und fT4?
""",
    ),
    (
        "N",
        "leaflet",
        "gi_ramipril",
        """
Gebrauchsinformation: Information für Anwender
Ramipril 5 mg Tabletten

Was ist Ramipril und wofür wird es angewendet?
Ramipril gehört zu einer Gruppe von Arzneimitteln, die ACE-Hemmer genannt werden. Es wird angewendet zur Behandlung von Bluthochdruck (Hypertonie), zur Verringerung des Risikos eines Herzinfarkts oder Schlaganfalls und zur Behandlung von Herzleistungsschwäche (Herzinsuffizienz).
Welche Nebenwirkungen sind möglich?
Häufig: Kopfschmerzen, Müdigkeit, trockener Reizhusten, Schwindel. Selten: Schwellungen von Gesicht, Lippen oder Rachen (Angioödem) – brechen Sie in diesem Fall die Einnahme ab und suchen Sie sofort einen Arzt auf.
""",
    ),
    (
        "N",
        "news",
        "rki_grippewelle",
        """
Grippewelle nimmt Fahrt auf
Die Zahl der laborbestätigten Influenzafälle ist in der 5. Kalenderwoche erneut deutlich gestiegen. Nach Angaben des Robert Koch-Instituts wurden bundesweit rund 21.000 Fälle übermittelt, die meisten davon Influenza A. Besonders betroffen sind Kinder im Schulalter. Die STIKO empfiehlt die Impfung weiterhin für Menschen ab 60, Schwangere, chronisch Kranke sowie Personal in Medizin und Pflege.
""",
    ),
    (
        "N",
        "guideline",
        "leitlinie_vhf_oak",
        """
Empfehlung 4.2: Bei Patienten mit Vorhofflimmern und einem CHA2DS2-VASc-Score von ≥ 2 bei Männern bzw. ≥ 3 bei Frauen soll eine orale Antikoagulation empfohlen werden. NOAK sollen gegenüber Vitamin-K-Antagonisten bevorzugt werden, außer bei Patienten mit mechanischem Herzklappenersatz oder mittel- bis hochgradiger Mitralstenose. Das Blutungsrisiko soll mit dem HAS-BLED-Score abgeschätzt werden; ein hoher Score ist kein Grund, auf eine Antikoagulation zu verzichten.
""",
    ),
    (
        "N",
        "job_ad",
        "stelle_intensivpflege",
        """
Wir suchen Sie! Pflegefachkraft (m/w/d) für unsere interdisziplinäre Intensivstation
Vollzeit/Teilzeit, unbefristet, Vergütung nach TVöD-K inkl. Intensivzulage
Ihre Aufgaben: Versorgung beatmeter Patient:innen, Betreuung von Patient:innen nach großen herz- und gefäßchirurgischen Eingriffen, Mitwirkung bei Nierenersatzverfahren.
Ihr Profil: abgeschlossene Ausbildung, idealerweise Fachweiterbildung Anästhesie- und Intensivpflege.
Wir bieten: Jobticket, Kita-Plätze, 30 Tage Urlaub.
""",
    ),
    (
        "N",
        "chat",
        "fig_krise_release",
        """
ich krieg die Krise mit diesem Release 🙄 jetzt ist das Staging schon wieder down und der Kunde will um 14 Uhr die Demo sehen. Mir platzt gleich der Kopf
""",
    ),
    (
        "N",
        "chat",
        "fig_pipeline_krank",
        """
Die Deployment-Pipeline ist heute irgendwie krank – jeder zweite Build bricht ab. Das Meeting danach war die reinste Folter, zwei Stunden über Ticket-Labels diskutiert. Ich brauch erstmal 'nen Kaffee.
""",
    ),
    (
        "N",
        "vet_note",
        "tierarzt_hund_otitis",
        """
Patient: Hund, Labrador, w, 6 J., 31 kg
Vorbericht: schüttelt seit 1 Woche den Kopf, kratzt sich am rechten Ohr, riecht unangenehm.
Befund: Otitis externa re., Gehörgang gerötet, bräunliches Sekret, Trommelfell intakt. Zytologie: Malassezien +++, Kokken +.
Therapie: Ohrreinigung, Osurnia in beide Ohren, Wdh. nach 7 Tagen. Besitzerin auf Allergieabklärung (Futterumstellung) hingewiesen.
""",
    ),
    (
        "N",
        "form",
        "bu_gesundheitsfragen_leer",
        """
Antrag Berufsunfähigkeitsversicherung — Gesundheitsfragen
1. Sind Sie in den letzten 5 Jahren von Ärzten, Heilpraktikern oder Psychotherapeuten untersucht, beraten oder behandelt worden? ☐ ja ☐ nein
2. Bestehen oder bestanden in den letzten 5 Jahren Krankheiten, Beschwerden oder Störungen des Herzens, des Kreislaufs, der Atmungsorgane, der Wirbelsäule oder der Psyche (z. B. Depression, Burn-out)? ☐ ja ☐ nein
3. Nehmen Sie regelmäßig Medikamente ein? ☐ ja ☐ nein — wenn ja, welche: ______________________
4. Besteht eine anerkannte Schwerbehinderung? ☐ ja ☐ nein   GdB: _____
""",
    ),
    (
        "N",
        "code",
        "code_patient_klasse",
        """
class Patient(BaseModel):
    \"\"\"Stammdaten + Diagnosen für den KIS-Export.\"\"\"
    fallnummer: str
    geburtsdatum: date
    diagnosen: list[str] = []          # ICD-10-GM, z. B. "I10.90"
    medikation: list[Verordnung] = []

    def hat_diabetes(self) -> bool:
        return any(d.startswith(("E10", "E11")) for d in self.diagnosen)
""",
    ),
    (
        "N",
        "abstract",
        "abstract_kohorte_depression",
        """
Hintergrund: Depressive Störungen sind bei Erwerbstätigen ein häufiger Grund für Arbeitsunfähigkeit. Methodik: Analyse von Routinedaten einer gesetzlichen Krankenkasse (n = 412.803 Versicherte, 2015–2021). Ergebnisse: Die 12-Monats-Prävalenz dokumentierter Depressionsdiagnosen lag bei 11,3 % (Frauen 14,6 %, Männer 8,2 %). Die mittlere AU-Dauer je Fall betrug 39 Tage. Schlussfolgerung: Frühzeitige leitliniengerechte Behandlung könnte Fehlzeiten reduzieren.
""",
    ),
    (
        "V",
        "vignette",
        "fall_examen_lungenembolie",
        """
Eine 62-jährige Patientin stellt sich in der Notaufnahme mit seit dem Morgen bestehender ⟦Luftnot⟧ und ⟦atemabhängigen Thoraxschmerzen rechts⟧ vor. Vor 10 Tagen erhielt sie eine ⟦Hüft-TEP⟧. ⟦HF 118/min⟧, ⟦RR 105/70 mmHg⟧, ⟦SpO2 89 %⟧ unter Raumluft. Die ⟦rechte Wade ist geschwollen⟧. ⟦D-Dimere 4,2 mg/l⟧. Welche Untersuchung veranlassen Sie als nächstes?
""",
    ),
]

# =============================================================================================
# GERMAN - HELDOUT
# =============================================================================================
DE_HELD = [
    (
        "P",
        "discharge_summary",
        "entlassbrief_erysipel",
        """
Sehr geehrte Frau Kollegin,

wir berichten über Ihren Patienten, der sich vom 03. bis 09.05. in unserer stationären Behandlung befand.

Diagnosen: ⟦Erysipel Unterschenkel links⟧; ⟦Tinea pedis⟧ als Eintrittspforte; ⟦chronisch venöse Insuffizienz⟧ ⟦CEAP C4⟧; ⟦Diabetes mellitus Typ 2⟧, insulinpflichtig.

Anamnese und Verlauf: Aufnahme mit ⟦Fieber bis 39,2 °C⟧, ⟦Schüttelfrost⟧ und ⟦scharf begrenzter Rötung und Überwärmung⟧ des linken Unterschenkels. ⟦CRP 186 mg/l⟧, ⟦Leukozyten 15,8/nl⟧. Unter ⟦Cefazolin 2 g⟧ i.v. 3x tgl. rasche Entfieberung und Rückgang der Rötung. Umstellung auf ⟦Cefalexin⟧ p.o. Die ⟦Fußpilzinfektion⟧ wurde mit ⟦Ciclopirox-Creme⟧ behandelt. ⟦BZ-Werte⟧ unter Infekt ⟦erhöht bis 280 mg/dl⟧, ⟦Insulin⟧ angepasst.

Empfehlung: ⟦Cefalexin 1 g⟧ 3x tgl. für weitere 5 Tage, ⟦Kompressionstherapie⟧ nach Abheilung, konsequente Behandlung der Tinea.
""",
    ),
    (
        "P",
        "clinical_note",
        "zna_apoplex_lyse",
        """
ZNA 14:52 — Stroke-Alarm
Symptombeginn 13:40 (Ehefrau beobachtet). ⟦Hemiparese re.⟧ ⟦armbetont⟧, ⟦Aphasie⟧, ⟦Fazialisparese re.⟧. ⟦NIHSS 11⟧. ⟦RR 178/96⟧, ⟦BZ 132⟧. ⟦CCT⟧: keine Blutung, ⟦ASPECTS 9⟧. ⟦CTA⟧: ⟦M1-Verschluss li.⟧. Keine OAK. → ⟦Lyse mit Alteplase⟧ 15:08 (⟦0,9 mg/kg⟧), parallel Verlegung zur ⟦Thrombektomie⟧ angemeldet. V.a. ⟦kardioembolischen Apoplex⟧ bei bisher unbekanntem ⟦VHF⟧?
""",
    ),
    (
        "P",
        "chat",
        "chat_vater_parkinson",
        """
Hi, mein Vater (74) hat seit 5 Jahren ⟦Parkinson⟧ und nimmt ⟦L-Dopa⟧ (⟦Madopar 125⟧ viermal am Tag). In letzter Zeit hat er nachmittags so ⟦Phasen, wo er gar nicht mehr vom Fleck kommt⟧, und danach wieder ⟦Überbewegungen⟧. Der Neurologe hat erst in 3 Monaten einen Termin. Kann man da selbst an den Einnahmezeiten was ändern? Und spielt es eine Rolle, dass er die Tabletten immer zum Mittagessen mit Quark nimmt?
""",
    ),
    (
        "P",
        "email",
        "teamleiter_herzinfarkt_reha",
        """
Hallo zusammen,

wie einige schon gehört haben: Unser Kollege aus dem Vertrieb Süd hatte vor zwei Wochen einen ⟦Herzinfarkt⟧. Es geht ihm den Umständen entsprechend gut, er hat ⟦zwei Stents⟧ bekommen und fängt nächste Woche mit der ⟦Reha⟧ an. Er fällt also voraussichtlich bis Ende des Quartals aus. Seine Kunden übernimmt bis auf Weiteres Katrin, Termine bitte über sie.

Karten oder Grüße gerne über mich, er freut sich sicher. Bitte keine Anrufe im Moment.

Gruß
Thomas
""",
    ),
    (
        "P",
        "clinical_note",
        "hebamme_gdm_ssw32",
        """
Hebammenvorsorge, ⟦32+4 SSW⟧, ⟦II. Gravida / I. Para⟧
Befinden gut, Kindsbewegungen regelmäßig. ⟦Gestationsdiabetes⟧ seit 26. SSW, seit 2 Wo. ⟦Insulin⟧ (⟦Protaphane 8 IE⟧ z.N.), ⟦Nüchtern-BZ⟧ jetzt ⟦88–95⟧. ⟦RR 124/78⟧, ⟦Urin: Eiweiß neg., Zucker neg.⟧ ⟦Gewicht +11 kg⟧. ⟦Symphysenschmerzen⟧ beim Treppensteigen, ⟦leichte Ödeme⟧ an den Knöcheln abends. ⟦Fundusstand zeitgerecht⟧, ⟦CTG unauffällig⟧. Wunsch: ambulante Geburt, Geburtsvorbereitungskurs ab nächster Woche.
""",
    ),
    (
        "P",
        "clinical_note",
        "psychiatrie_schizophrenie",
        """
Psychiatrischer Verlaufsbericht
Pat. mit ⟦paranoider Schizophrenie⟧ (⟦F20.0⟧), 3. stationäre Aufnahme nach ⟦Absetzen der Medikation⟧. Bei Aufnahme ⟦Verfolgungswahn⟧ (Nachbarn hören ihn über Steckdosen ab), ⟦imperative Stimmen⟧, ⟦formale Denkstörungen⟧. Unter ⟦Olanzapin 20 mg⟧ deutliche Distanzierung vom Wahn, Stimmen nur noch leise. ⟦Gewichtszunahme 4 kg⟧ in 3 Wochen, ⟦Nüchtern-BZ 108⟧. Umstellung auf ⟦Aripiprazol-Depot⟧ geplant, Pat. zustimmend. Betreuung für Gesundheitssorge besteht.
""",
    ),
    (
        "P",
        "clinical_note",
        "uro_prostata_ca",
        """
Urologische Sprechstunde
⟦PSA 14,2 ng/ml⟧ (Vorwert ⟦9,8⟧). ⟦MRT Prostata⟧: ⟦PI-RADS 5⟧ Läsion links peripher. ⟦Fusionsbiopsie⟧: ⟦Prostatakarzinom⟧, ⟦Gleason 4+3=7b⟧ in 5/12 Stanzen. ⟦Staging-PSMA-PET⟧: kein Hinweis auf Metastasen → ⟦cT2c cN0 cM0⟧. Therapieoptionen besprochen: ⟦radikale Prostatektomie⟧ vs. ⟦Strahlentherapie mit ADT⟧. Pat. tendiert zur OP, Vorstellung im Tumorboard.
""",
    ),
    (
        "P",
        "lab_result",
        "genetik_faktor_v",
        """
Humangenetischer Befund
Indikation: ⟦tiefe Beinvenenthrombose⟧ unter ⟦oraler Kontrazeption⟧, Familienanamnese positiv (Mutter ⟦Lungenembolie⟧).
Ergebnis: ⟦Faktor-V-Leiden-Mutation (c.1601G>A) heterozygot nachgewiesen⟧. ⟦Prothrombin-Mutation G20210A nicht nachgewiesen⟧.
Beurteilung: leicht erhöhtes Thromboserisiko. Von östrogenhaltigen Kontrazeptiva wird abgeraten. Genetische Beratung für erstgradige Verwandte angeboten.
""",
    ),
    (
        "P",
        "handover",
        "pflegeheim_dekubitus",
        """
Pflegebericht Wohnbereich 2, Spätdienst
Bewohnerin Zi. 11: ⟦Dekubitus Kategorie 2⟧ sakral, ⟦3 x 2 cm⟧, ⟦Wundrand leicht gerötet⟧, kein Geruch. Verbandswechsel mit Hydrokolloid durchgeführt, Foto dokumentiert. Lagerung 2-stdl. eingehalten, Wechseldruckmatratze läuft. ⟦Trinkmenge nur 900 ml⟧ – Exsikkosegefahr, Hausarzt wegen ⟦s.c.-Infusion⟧ angefragt. ⟦Schmerzen bei Lagerung⟧ (⟦BESD 4⟧), Bedarfsmedikation ⟦Metamizol 20 Trpf.⟧ gegeben.
""",
    ),
    (
        "P",
        "insurance_claim",
        "reha_antrag_copd",
        """
Befundbericht zum Antrag auf medizinische Rehabilitation (DRV)

Diagnosen: ⟦COPD GOLD 3, Gruppe E⟧ (⟦J44.19⟧), ⟦Lungenemphysem⟧, ⟦Nikotinabusus⟧ (⟦45 py⟧, seit 6 Monaten abstinent).
Funktionseinschränkungen: ⟦Belastungsdyspnoe⟧ bereits nach 1 Etage, ⟦6-Minuten-Gehtest 290 m⟧, ⟦FEV1 41 % Soll⟧. 2 ⟦Exazerbationen⟧ mit stationärer Behandlung im letzten Jahr.
Therapie: ⟦Tiotropium/Olodaterol⟧, ⟦Salbutamol⟧ bei Bedarf, ⟦Langzeit-Sauerstoff⟧ beantragt.
Die Erwerbsfähigkeit als Lagerarbeiter ist erheblich gefährdet; eine pneumologische Reha ist dringend indiziert.
""",
    ),
    (
        "P",
        "forum_post",
        "forum_endometriose",
        """
Hallo ihr Lieben, endlich eine Diagnose nach 9 Jahren!! Bei mir wurde bei der ⟦Bauchspiegelung⟧ letzte Woche ⟦Endometriose⟧ festgestellt, ⟦Herde am Darm und an der Blase⟧, außerdem eine ⟦Schokoladenzyste⟧ am linken Eierstock, die gleich entfernt wurde. Jetzt soll ich ⟦Visanne⟧ nehmen. Hat jemand Erfahrungen mit ⟦Zwischenblutungen⟧ unter Visanne? Und wie war das bei euch mit dem ⟦Kinderwunsch⟧ danach? Ich bin so erleichtert, dass ich mir die ⟦Schmerzen⟧ nicht eingebildet habe 😭
""",
    ),
    (
        "P",
        "csv",
        "csv_stationsliste",
        """
Zimmer;Bett;Alter;Hauptdiagnose;Isolation;Bemerkung
301;A;84;⟦Exsikkose⟧, ⟦Delir⟧;nein;Sitzwache nachts
301;B;79;⟦Herzinsuffizienz NYHA III⟧;nein;Gewicht tgl.
302;A;58;⟦Pankreatitis⟧ (⟦äthyltoxisch⟧);nein;⟦AWS⟧-Bogen
303;A;91;⟦Pneumonie⟧;⟦MRSA⟧ Nase;Kontaktisolation
304;A;45;⟦Lungenembolie⟧;nein;⟦Heparin-Perfusor⟧
304;B;66;⟦Clostridioides-difficile-Enteritis⟧;ja;eigene Toilette
""",
    ),
    (
        "P",
        "clinical_note",
        "substitution_buprenorphin",
        """
Substitutionsambulanz, Verlaufsdoku
Pat. in ⟦Substitutionsbehandlung⟧ mit ⟦Buprenorphin (Subutex) 12 mg⟧ s.l. bei ⟦Opioidabhängigkeit⟧ (⟦F11.2⟧). Take-home für 7 Tage seit 4 Monaten. ⟦UK heute: Buprenorphin pos., Benzodiazepine pos.⟧ – ⟦Beikonsum⟧ von ⟦Diazepam⟧ (vom Schwarzmarkt) eingeräumt, „wegen Schlafproblemen". Gespräch geführt, Take-home vorerst auf 2 Tage reduziert. ⟦Hep-C-PCR weiter negativ⟧ (nach ⟦antiviraler Therapie⟧ 2022).
 PSB-Termin nächste Woche.
""",
    ),
    (
        "P",
        "school_note",
        "kita_neurodermitis_nuss",
        """
Infoblatt für die Kita — Gruppe Sonnenblumen

Unser Kind hat ⟦Neurodermitis⟧ und eine ⟦Erdnuss- und Haselnussallergie⟧ (⟦Anaphylaxie⟧ mit 2 Jahren). Bitte:
- keine Nüsse, auch keine Spuren (Müsliriegel, Nutella beim Frühstück der anderen)
- nach dem Matschen Hände waschen und ⟦Basiscreme⟧ auftragen (in der Kiste im Bad)
- bei ⟦Quaddeln⟧ oder ⟦Husten nach dem Essen⟧: ⟦Cetirizin-Saft 5 ml⟧ geben und uns anrufen
- bei Atemnot oder Kreislaufproblemen: ⟦Fastjekt Junior⟧ in den Oberschenkel, 112 rufen
Der Notfallplan vom Kinderarzt hängt in der Küche.
""",
    ),
    (
        "P",
        "clinical_note",
        "gyn_abbruch_ssw8",
        """
Gyn. Ambulanz, Beratungsbescheinigung nach § 219 StGB liegt vor (Beratung am 02.). Pat. wünscht ⟦Schwangerschaftsabbruch⟧. ⟦Vaginalsono: intakte intrauterine Gravidität⟧, ⟦SSL 15 mm⟧ entsprechend ⟦7+6 SSW⟧. ⟦Rhesus negativ⟧ → ⟦Anti-D-Prophylaxe⟧. Aufklärung über ⟦medikamentösen Abbruch⟧ (⟦Mifegyne 600 mg⟧, nach 36–48 h ⟦Misoprostol 400 µg⟧) vs. ⟦Vakuumaspiration⟧. Pat. entscheidet sich für den medikamentösen Weg. Kontrolltermin in 14 Tagen mit ⟦Sono⟧ und ⟦β-hCG⟧.
""",
    ),
]
DE_HELD += [
    (
        "N",
        "question",
        "q_borreliose",
        """
Wie wird Borreliose eigentlich übertragen? Muss man eine Zecke sofort zum Arzt bringen oder reicht es, die Stelle ein paar Wochen zu beobachten? Und gibt es dagegen eine Impfung wie bei FSME?
""",
    ),
    (
        "N",
        "leaflet",
        "packungsbeilage_pantoprazol",
        """
Pantoprazol 20 mg magensaftresistente Tabletten — Packungsbeilage (Auszug)
Anwendungsgebiete: zur kurzzeitigen Behandlung von Refluxbeschwerden (z. B. Sodbrennen, saures Aufstoßen) bei Erwachsenen.
Wie ist Pantoprazol einzunehmen? Nehmen Sie täglich eine Tablette vor einer Mahlzeit ein. Wenden Sie sich an Ihren Arzt, wenn sich Ihre Beschwerden nach 2 Wochen nicht gebessert haben. Nehmen Sie das Arzneimittel ohne Rücksprache mit dem Arzt nicht länger als 4 Wochen ein.
Mögliche Nebenwirkungen: Kopfschmerzen, Durchfall, Übelkeit, Blähungen. Bei langfristiger Einnahme: erniedrigter Magnesiumspiegel.
""",
    ),
    (
        "N",
        "news",
        "destatis_krankenstand",
        """
Krankenstand auf Rekordniveau
Beschäftigte in Deutschland haben im vergangenen Jahr im Schnitt 15,1 Arbeitstage krankheitsbedingt gefehlt. Häufigste Ursachen waren Atemwegserkrankungen, gefolgt von Muskel-Skelett-Erkrankungen und psychischen Erkrankungen. Ein Teil des Anstiegs geht nach Einschätzung der Statistiker auf die elektronische AU zurück, durch die Krankschreibungen vollständiger erfasst werden.
""",
    ),
    (
        "N",
        "faq",
        "khaus_faq_aufnahme",
        """
Häufige Fragen zur stationären Aufnahme
Was muss ich mitbringen? Versichertenkarte, Einweisungsschein, Medikationsplan, Vorbefunde (Arztbriefe, Röntgenbilder), bequeme Kleidung.
Darf ich mein Handy benutzen? Ja, außer auf der Intensivstation.
Bekomme ich ein Einzelzimmer? Wahlleistungen können Sie bei der Aufnahme beantragen; bei Isolationspflicht (z. B. MRSA) wird ein Einzelzimmer unabhängig davon vergeben.
""",
    ),
    (
        "N",
        "chat",
        "fig_zustaende_code",
        """
Ich krieg echt Zustände, wenn ich diesen Code sehe. 800 Zeilen in einer Funktion, keine Tests. Das Projekt liegt eh schon auf der Intensivstation, das gibt ihm den Rest 😵
""",
    ),
    (
        "N",
        "email",
        "fig_server_hustet",
        """
Moin, der Server in Halle 4 hustet wieder – Lüfter laut, Temperaturwarnung. Nicht dass der uns kurz vor der Inventur den Geist aufgibt. Kann sich jemand das vor Freitag anschauen? Danke!
""",
    ),
    (
        "N",
        "vet_note",
        "tierarzt_katze_cni",
        """
Kater, kastriert, 15 J., EKH, 3,9 kg
Anamnese: trinkt viel, uriniert vermehrt, frisst schlechter, Gewichtsverlust 600 g in 4 Monaten.
Labor: Kreatinin 3,4 mg/dl, SDMA 28 µg/dl, USG 1,012, Phosphat erhöht. Blutdruck (Doppler) 175 mmHg.
Diagnose: chronische Niereninsuffizienz IRIS Stadium 3, Hypertonie.
Therapie: Nierendiät, Amlodipin 0,625 mg 1x tgl., Phosphatbinder. Kontrolle in 2 Wochen.
""",
    ),
    (
        "N",
        "plot_summary",
        "roman_handlung_ms",
        """
Zum Inhalt: Die erfundene Hamburger Architektin Lena Voss erfährt mit 34 Jahren, dass sie an Multipler Sklerose erkrankt ist. Der Roman begleitet sie über ein Jahr, in dem sie einen Großauftrag in Lissabon annimmt, ihre Ehe neu verhandelt und lernt, mit dem Ungewissen zu leben. Die Autorin erzählt ohne Pathos und mit viel Humor – ein Buch, das in unserem Lesekreis lange nachgewirkt hat.
""",
    ),
    (
        "N",
        "csv",
        "icd10gm_auszug",
        """
Kode;Titel
F32.0;Leichte depressive Episode
F32.1;Mittelgradige depressive Episode
F43.2;Anpassungsstörungen
J44.19;Chronische obstruktive Lungenkrankheit mit akuter Exazerbation, FEV1 nicht näher bezeichnet
M51.2;Sonstige näher bezeichnete Bandscheibenverlagerung
O24.4;Diabetes mellitus, während der Schwangerschaft auftretend
Z21;Asymptomatische HIV-Infektion [Humane Immundefizienz-Virusinfektion]
""",
    ),
    (
        "N",
        "policy",
        "pkv_tarifbedingungen",
        """
§ 4 Umfang der Leistungspflicht
(1) Erstattungsfähig sind Aufwendungen für ambulante Heilbehandlung durch niedergelassene approbierte Ärzte sowie für ärztlich verordnete Arznei-, Verband- und Hilfsmittel.
(2) Für Psychotherapie werden je Kalenderjahr bis zu 30 Sitzungen erstattet; darüber hinaus nach vorheriger schriftlicher Zusage.
(3) Keine Leistungspflicht besteht für Entziehungsmaßnahmen einschließlich Entziehungskuren sowie für Krankheiten und Unfallfolgen, die durch Kriegsereignisse verursacht wurden.
""",
    ),
    (
        "N",
        "news",
        "fortbildung_aerztekammer",
        """
Fortbildungsveranstaltung der Bezirksärztekammer — 4 CME-Punkte
„Polypharmazie im Alter: Was kann weg?"
Mittwoch, 18:00–21:00 Uhr, Ärztehaus, Saal 2
Themen: PRISCUS-Liste 2.0, Deprescribing von Protonenpumpenhemmern und Benzodiazepinen, Antikoagulation bei Sturzneigung, Fallbesprechungen aus der Hausarztpraxis.
Anmeldung bis zum 10. über das Mitgliederportal.
""",
    ),
    (
        "V",
        "vignette",
        "fall_examen_addison",
        """
Ein 38-jähriger Mann berichtet über zunehmende ⟦Müdigkeit⟧, ⟦Gewichtsverlust von 6 kg⟧, ⟦Übelkeit⟧ und ⟦Heißhunger auf Salziges⟧. Auffällig ist eine ⟦Hyperpigmentierung der Handlinien und der Mundschleimhaut⟧. ⟦RR 92/58 mmHg⟧. Labor: ⟦Natrium 128 mmol/l⟧, ⟦Kalium 5,8 mmol/l⟧, ⟦Cortisol morgens 2 µg/dl⟧, ⟦ACTH deutlich erhöht⟧. Welche Diagnose ist am wahrscheinlichsten?
""",
    ),
]

# =============================================================================================
# FRENCH - DEV
# =============================================================================================
FR_DEV = [
    (
        "P",
        "clinical_note",
        "obs_cardio_dyspnee",
        """
Consultation cardiologie
Motif : ⟦dyspnée d'effort⟧ stade NYHA II-III depuis 2 mois.
ATCD : ⟦HTA⟧, ⟦DT2⟧ sous ⟦ADO⟧, ⟦IDM antérieur⟧ en 2018 (⟦stent IVA⟧), ⟦tabagisme sevré⟧ (⟦30 PA⟧).
TTT : ⟦Kardegic 75 mg⟧, ⟦bisoprolol 5 mg⟧, ⟦ramipril 5 mg⟧, ⟦atorvastatine 80 mg⟧, ⟦metformine 1000 mg⟧ x2.
Examen : ⟦PA 138/84⟧, ⟦FC 72⟧, ⟦crépitants aux bases⟧, ⟦OMI bilatéraux⟧ prenant le godet.
ETT : ⟦FEVG 35 %⟧, ⟦akinésie antéro-apicale⟧. ⟦NT-proBNP 2 850⟧.
Conclusion : ⟦insuffisance cardiaque à FE réduite⟧ d'origine ischémique. Introduction ⟦Entresto 24/26 mg⟧ x2 à la place du ramipril (wash-out 36 h), ⟦furosémide 40 mg⟧, ⟦dapagliflozine 10 mg⟧. ⟦Bilan bio⟧ à J15.

""",
    ),
    (
        "P",
        "prescription",
        "ordonnance_angine",
        """
Dr Claire Fabre — Médecin généraliste

Ordonnance

⟦Angine à streptocoque⟧ (⟦TDR positif⟧)

1) ⟦Amoxicilline 1 g⟧ : 1 comprimé matin et soir pendant 6 jours
2) ⟦Paracétamol 1 g⟧ : 1 comprimé toutes les 6 heures si ⟦douleur⟧ ou ⟦fièvre⟧, sans dépasser 4 g/jour

Arrêt de travail de 3 jours remis au patient.
""",
    ),
    (
        "P",
        "email",
        "rh_arret_lombalgie",
        """
Objet : absence — équipe logistique

Bonjour Sandrine,

Je te confirme que notre préparateur de commandes de l'équipe de nuit nous a transmis un arrêt maladie jusqu'au 14 inclus. D'après ce qu'il m'a dit au téléphone, il s'agit d'une ⟦lombalgie aiguë⟧ avec ⟦sciatique⟧ côté gauche, et son médecin parle de ⟦séances de kiné⟧ à la reprise. Il faudrait prévoir un aménagement de poste (pas de port de charges > 10 kg) à son retour, je vois avec la médecine du travail.

Merci de garder l'info pour toi.
Bonne journée,
Karim
""",
    ),
    (
        "P",
        "chat",
        "chat_hta_manger",
        """
bonjour, mon médecin m'a dit que j'ai de l'⟦hypertension⟧ (⟦15/9⟧ à chaque fois au cabinet) et il m'a mis sous ⟦amlodipine 5 mg⟧. qu'est-ce que je dois manger ou éviter ? je mange pas mal de charcuterie et de fromage… et est-ce que je peux continuer le café ?
""",
    ),
    (
        "P",
        "forum_post",
        "forum_fille_muco",
        """
Bonsoir à toutes et à tous,
Notre fille de 7 ans a une ⟦mucoviscidose⟧ (⟦F508del homozygote⟧). Depuis 6 mois elle est sous ⟦Kaftrio⟧ et c'est le jour et la nuit : ⟦VEMS⟧ passé de ⟦78 %⟧ à ⟦96 %⟧, plus de cures IV cet hiver, elle a pris 3 kg. Par contre elle a des ⟦maux de tête⟧ et sa ⟦bilirubine a un peu augmenté⟧ au dernier ⟦bilan⟧. Le CRCM surveille. Est-ce que d'autres parents ont vu ça ? On continue la ⟦kiné respiratoire⟧ deux fois par semaine.
""",
    ),
    (
        "P",
        "handover",
        "transmissions_cholecystectomie",
        """
Transmissions ciblées — Ch. 12, lit porte
Cible : douleur
D : pat. à J1 d'une ⟦cholécystectomie sous cœlioscopie⟧, ⟦EVA 5/10⟧ au niveau des orifices de trocart, ⟦douleur scapulaire droite⟧.
A : ⟦paracétamol 1 g⟧ IV à 6 h, ⟦néfopam 20 mg⟧ à 8 h, installation demi-assise.
R : EVA 2/10 à 9 h.
Cible : élimination — ⟦pas de selles depuis l'intervention⟧, ⟦nausées⟧ légères, reprise alimentaire liquide tolérée. Pansements propres et secs. Sortie prévue demain si ⟦bilan hépatique⟧ OK.
""",
    ),
    (
        "P",
        "lab_result",
        "sms_labo_ferritine",
        """
LABO BIO SUD : Vos résultats sont disponibles. ⟦Hémoglobine 10,2 g/dL⟧ (N 12-16), ⟦ferritine 8 ng/mL⟧ (N 15-150), ⟦VGM 74 fL⟧. Votre médecin a été prévenu. Consultez vos résultats complets sur l'espace patient.
""",
    ),
    (
        "P",
        "referral_letter",
        "adressage_neuro_sep",
        """
Cher confrère,

Je vous adresse cette patiente de 31 ans, sans ATCD notable, pour suspicion de ⟦sclérose en plaques⟧. Elle a présenté il y a 3 semaines une ⟦baisse d'acuité visuelle de l'œil gauche⟧ avec ⟦douleur à la mobilisation oculaire⟧, résolutive en 10 jours (⟦névrite optique rétrobulbaire⟧ selon l'ophtalmologue). Elle signale par ailleurs un épisode de ⟦paresthésies du membre inférieur droit⟧ l'an dernier, non exploré. L'⟦IRM cérébrale⟧ montre ⟦plusieurs hypersignaux périventriculaires et juxtacorticaux⟧, ⟦dont un rehaussé par le gadolinium⟧.

Je vous remercie de bien vouloir la recevoir et compléter le bilan (⟦PL⟧ ?).

Confraternellement,
Dr Lemaire
""",
    ),
    (
        "P",
        "therapy_note",
        "psy_tag_escitalopram",
        """
Suivi psychiatrique — consultation du jour
Pat. suivie pour ⟦trouble anxieux généralisé⟧ et ⟦épisode dépressif léger⟧. Sous ⟦escitalopram 10 mg⟧ depuis 8 semaines, bonne tolérance hormis ⟦légères nausées⟧ les premiers jours. ⟦Ruminations⟧ moins envahissantes, ⟦sommeil amélioré⟧, ⟦GAD-7 à 9⟧ (contre ⟦16⟧). Reprise du travail à mi-temps thérapeutique envisagée le mois prochain. Poursuite des ⟦séances de TCC⟧ avec la psychologue. Pas d'idées suicidaires. Renouvellement ordonnance 3 mois.
""",
    ),
    (
        "P",
        "school_note",
        "pai_arachide",
        """
PROJET D'ACCUEIL INDIVIDUALISÉ (PAI) — extrait

Pathologie : ⟦allergie alimentaire à l'arachide⟧ et aux ⟦fruits à coque⟧, avec ⟦antécédent de choc anaphylactique⟧, ⟦asthme⟧ associé.
Aménagements : panier-repas fourni par la famille ; pas d'atelier cuisine sans accord des parents.
Trousse d'urgence (classe + cantine) : ⟦stylo auto-injecteur d'adrénaline 0,15 mg⟧ (Anapen), ⟦Ventoline⟧ avec chambre d'inhalation, ⟦Aerius sirop⟧.
En cas de gonflement des lèvres, toux, gêne respiratoire : injecter l'adrénaline dans la cuisse, allonger l'enfant, appeler le 15.
""",
    ),
    (
        "P",
        "dental_note",
        "dentaire_gingivite_grossesse",
        """
Pat. ⟦enceinte de 5 mois⟧, consulte pour ⟦saignements gingivaux⟧ au brossage depuis 6 semaines. Examen : ⟦gingivite généralisée⟧, ⟦épulis gravidique⟧ en regard de 13, ⟦plaque++⟧. Pas de carie active. Dg : ⟦gingivite gravidique⟧. Tt : ⟦détartrage⟧ supra-gingival, enseignement à l'hygiène, bain de bouche sans alcool. Radio reportée après l'accouchement sauf urgence. RDV contrôle dans 6 semaines.
""",
    ),
    (
        "P",
        "clinical_note",
        "vih_cv_indetectable",
        """
Consultation CeGIDD / suivi VIH
Pat. ⟦séropositif pour le VIH⟧ depuis 2015, sous ⟦Biktarvy⟧, observance excellente. ⟦CV indétectable⟧ (< 20 copies) depuis 2017, ⟦CD4 720/mm³⟧. ⟦Sérologie syphilis négative⟧. ⟦Vacciné contre l'hépatite B⟧ (⟦Ac anti-HBs 240⟧). Souhaite arrêter les préservatifs avec son partenaire stable : information I=I donnée. Prochain bilan dans 6 mois.
""",
    ),
    (
        "P",
        "clinical_note",
        "ivg_medicamenteuse",
        """
Consultation IVG (1re consultation)
Pat. demandant une ⟦IVG⟧. ⟦DDR⟧ il y a 5 semaines, ⟦échographie de datation : grossesse intra-utérine évolutive de 6 SA⟧. ⟦Groupe O Rh+⟧. Méthode choisie : ⟦IVG médicamenteuse⟧ à domicile. Prescription : ⟦mifépristone 600 mg⟧ à prendre au cabinet, puis ⟦misoprostol 400 µg⟧ à J2, ⟦ibuprofène 400 mg⟧ et ⟦paracétamol-codéine⟧ en antalgie. Contraception ultérieure : ⟦implant⟧ posé à la visite de contrôle. Contrôle ⟦βHCG⟧ à J15.
""",
    ),
    (
        "P",
        "clinical_note",
        "csapa_buprenorphine",
        """
CSAPA — entretien de suivi
Pat. sous ⟦TSO⟧ par ⟦buprénorphine 8 mg⟧/j depuis 2 ans pour ⟦dépendance aux opiacés⟧ (héroïne IV auparavant). Stable, pas de mésusage rapporté, ⟦recherche urinaire : buprénorphine +, autres négatifs⟧. Reste ⟦fumeur⟧ (1 paquet/j), demande aide au ⟦sevrage tabagique⟧ : ⟦patchs nicotine 21 mg⟧ + ⟦gommes 2 mg⟧ prescrits. ⟦Sérologie VHC positive⟧ ancienne, ⟦PCR négative⟧ après ⟦traitement⟧ en 2021. Délivrance hebdomadaire en pharmacie maintenue.
""",
    ),
    (
        "P",
        "insurance_claim",
        "mutuelle_kine_poignet",
        """
Objet : demande de prise en charge — dépassement de forfait kinésithérapie

Madame, Monsieur,

Suite à une ⟦fracture du poignet droit⟧ (⟦fracture de Pouteau-Colles⟧) survenue en février et traitée par ⟦ostéosynthèse par plaque⟧, mon chirurgien m'a prescrit 30 ⟦séances de rééducation⟧. Ma garantie ne couvre que 20 séances par an. Je vous joins l'ordonnance et le compte rendu opératoire, et vous serais reconnaissante d'examiner une prise en charge exceptionnelle des 10 séances restantes, ma ⟦mobilité étant encore limitée⟧ (je suis coiffeuse).

Cordialement
""",
    ),
]
FR_DEV += [
    (
        "N",
        "question",
        "q_lyme_symptomes",
        """
Quels sont les symptômes de la maladie de Lyme ? Est-ce que l'érythème migrant apparaît toujours, et combien de temps après la piqûre de tique faut-il s'inquiéter ?
""",
    ),
    (
        "N",
        "leaflet",
        "notice_paracetamol",
        """
NOTICE : INFORMATION DE L'UTILISATEUR
Paracétamol 1000 mg, comprimé
Dans quels cas utiliser ce médicament : traitement symptomatique des douleurs d'intensité légère à modérée et/ou des états fébriles.
Ne prenez jamais ce médicament : si vous êtes allergique au paracétamol, si vous avez une maladie grave du foie.
Posologie : chez l'adulte de plus de 50 kg, 1 comprimé par prise, à renouveler en cas de besoin au bout de 6 heures, sans dépasser 3 comprimés par jour sans avis médical.
Surdosage : en cas de surdosage, consultez immédiatement un médecin — risque d'atteinte hépatique grave.
""",
    ),
    (
        "N",
        "news",
        "spf_bronchiolite",
        """
Bronchiolite : l'épidémie se poursuit en Île-de-France
Selon le dernier bulletin de Santé publique France, les passages aux urgences pour bronchiolite chez les enfants de moins de 2 ans restent à un niveau élevé, avec 4 800 passages la semaine dernière, dont 38 % suivis d'une hospitalisation. Les autorités rappellent les gestes barrières et l'intérêt de l'immunisation des nourrissons par nirsévimab.
""",
    ),
    (
        "N",
        "guideline",
        "has_depistage_colorectal",
        """
Recommandation : le dépistage organisé du cancer colorectal s'adresse aux femmes et aux hommes de 50 à 74 ans à risque moyen. Il repose sur un test immunologique de recherche de sang occulte dans les selles, à réaliser tous les 2 ans. En cas de test positif, une coloscopie est indiquée. Les personnes à risque élevé (antécédent personnel d'adénome, maladie inflammatoire chronique de l'intestin, antécédent familial au premier degré) relèvent d'une surveillance par coloscopie.
""",
    ),
    (
        "N",
        "job_ad",
        "offre_ide_nuit",
        """
Le Centre Hospitalier recrute un(e) Infirmier(ère) Diplômé(e) d'État — service de médecine polyvalente, poste de nuit (12 h)
Prise en charge de patients atteints de pathologies chroniques (diabète, insuffisance cardiaque, BPCO), gestion des entrées par les urgences, travail en binôme avec aide-soignant.
Profil : DE infirmier, débutant(e) accepté(e), tutorat assuré.
Avantages : prime de nuit, crèche hospitalière, CGOS.
""",
    ),
    (
        "N",
        "chat",
        "fig_reunion_torture",
        """
la réunion était une vraie torture, trois heures sur le budget 2026. et ce bug d'export me donne la migraine depuis ce matin, je vais finir par faire une crise de nerfs 😩
""",
    ),
    (
        "N",
        "email",
        "fig_projet_agonie",
        """
Bonjour à tous, soyons honnêtes : le projet CRM est à l'agonie. On le maintient sous perfusion depuis six mois avec des rustines. Je propose qu'on en parle franchement au comité de pilotage de jeudi avant de lui injecter encore du budget.
""",
    ),
    (
        "N",
        "vet_note",
        "veto_chien_dysplasie",
        """
Compte rendu vétérinaire
Animal : chien, Berger allemand, mâle, 8 mois, 29 kg.
Motif : boiterie postérieure intermittente, difficultés à se lever le matin.
Examen : signe d'Ortolani positif bilatéral, douleur à l'extension des hanches.
Radiographies sous sédation : dysplasie coxo-fémorale bilatérale stade D.
Conduite à tenir : contrôle du poids, AINS (méloxicam 0,1 mg/kg/j) en période douloureuse, avis chirurgical (TPO vs prothèse plus tard). Propriétaire informé.
""",
    ),
    (
        "N",
        "policy",
        "cg_prevoyance",
        """
Article 12 — Exclusions
Ne sont pas garanties les incapacités de travail et invalidités résultant : des affections psychiatriques ou psychologiques (dépression, burn-out, troubles anxieux) n'ayant pas donné lieu à une hospitalisation d'au moins 10 jours consécutifs ; des affections disco-vertébrales (lombalgie, sciatique, hernie discale) sauf intervention chirurgicale ; de l'usage de stupéfiants non prescrits médicalement ; de la pratique de sports aériens.
""",
    ),
    (
        "N",
        "code",
        "code_js_ordonnance",
        """
// génère le PDF d'une ordonnance à partir du modèle
export function renderOrdonnance({ prescripteur, lignes }) {
  const doc = new PDFDocument({ size: "A5" });
  doc.fontSize(10).text(`Dr ${prescripteur.nom} — RPPS ${prescripteur.rpps}`);
  lignes.forEach((l, i) => {
    // ex. { medicament: "amoxicilline 1 g", posologie: "1 cp matin et soir", duree: "6 jours" }
    doc.text(`${i + 1}) ${l.medicament} : ${l.posologie} pendant ${l.duree}`);
  });
  return doc;
}
""",
    ),
    (
        "N",
        "abstract",
        "resume_cohorte_bpco",
        """
Contexte : La réadaptation respiratoire améliore la capacité d'effort des patients atteints de BPCO, mais son effet à long terme sur les réhospitalisations reste discuté.
Méthodes : étude de cohorte rétrospective sur les données du SNDS, 18 240 patients hospitalisés pour exacerbation de BPCO entre 2016 et 2019.
Résultats : la réadaptation dans les 90 jours suivant la sortie était associée à une réduction de 22 % du risque de réhospitalisation à un an (HR 0,78 ; IC 95 % 0,72–0,85).
Conclusion : l'accès à la réadaptation après exacerbation devrait être renforcé.
""",
    ),
    (
        "V",
        "vignette",
        "ecn_pyelonephrite",
        """
Une femme de 28 ans consulte aux urgences pour ⟦fièvre à 39,5 °C⟧ et ⟦frissons⟧ depuis la veille, associés à une ⟦douleur lombaire droite⟧ et des ⟦brûlures mictionnelles⟧. Elle est ⟦enceinte de 22 SA⟧. ⟦PA 105/65 mmHg⟧, ⟦FC 112/min⟧. La ⟦bandelette urinaire⟧ est ⟦positive aux leucocytes et aux nitrites⟧. ⟦CRP 180 mg/L⟧. Quelle est votre prise en charge ?
""",
    ),
]

# =============================================================================================
# FRENCH - HELDOUT
# =============================================================================================
FR_HELD = [
    (
        "P",
        "discharge_summary",
        "crh_embolie_pulmonaire",
        """
COMPTE RENDU D'HOSPITALISATION — Service de pneumologie

Motif d'hospitalisation : ⟦dyspnée aiguë⟧ et ⟦douleur thoracique⟧ basithoracique gauche.
ATCD : ⟦obésité⟧ (⟦IMC 34⟧), ⟦contraception œstroprogestative⟧, ⟦migraine sans aura⟧.

Histoire de la maladie : retour d'un vol long-courrier 5 jours avant l'admission. À l'arrivée : ⟦SpO2 91 % en air ambiant⟧, ⟦FC 115⟧, ⟦PA 128/76⟧. ⟦D-dimères 3 400 µg/L⟧. ⟦Angioscanner thoracique⟧ : ⟦embolie pulmonaire bilatérale segmentaire et sous-segmentaire⟧, sans dilatation du VD. ⟦Troponine négative⟧. ⟦Écho-doppler veineux⟧ : ⟦TVP poplitée gauche⟧.

Évolution : favorable sous ⟦apixaban⟧. Arrêt de la ⟦pilule⟧, relais par ⟦DIU au cuivre⟧ à discuter avec son gynécologue.

Traitement de sortie : ⟦apixaban 10 mg⟧ x2/j jusqu'au 7e jour puis ⟦5 mg⟧ x2/j pendant au moins 3 mois. Arrêt de travail 15 jours.
""",
    ),
    (
        "P",
        "clinical_note",
        "urgences_asthme_dep",
        """
SAU — IAO 19h40 : ⟦crise d'asthme⟧ chez un pat. ⟦asthmatique connu⟧, ⟦dyspnée⟧ depuis ce matin malgré 10 bouffées de ⟦Ventoline⟧. Parle par phrases courtes. ⟦FR 28⟧, ⟦SpO2 93 %⟧, ⟦DEP 180 L/min⟧ (théorique 520). ⟦Sibilants diffus⟧. Tri 2.
Médecin : ⟦aérosols salbutamol 5 mg⟧ + ⟦ipratropium 0,5 mg⟧ x3, ⟦méthylprednisolone 80 mg⟧ IV. À H1 ⟦DEP 310⟧. Surveillance 6 h. ⟦Asthme non contrôlé⟧, pas de traitement de fond depuis 1 an → ⟦Symbicort 200⟧ prescrit, RDV pneumo.
""",
    ),
    (
        "P",
        "lab_result",
        "hepatite_b_chronique",
        """
Résultats — Sérologies et bilan hépatique
⟦Ag HBs positif⟧, ⟦Ac anti-HBc positifs⟧, ⟦Ag HBe négatif⟧, ⟦Ac anti-HBe positifs⟧.
⟦ADN VHB 3 200 UI/mL⟧. ⟦ALAT 38 UI/L⟧. ⟦Fibroscan 6,1 kPa⟧.
Commentaire du biologiste : profil compatible avec une ⟦hépatite B chronique AgHBe négatif⟧ en phase d'infection. Avis hépatologique conseillé ; dépistage de l'entourage et vaccination des proches recommandés.
""",
    ),
    (
        "P",
        "operative_note",
        "cr_colectomie",
        """
COMPTE RENDU OPÉRATOIRE
Indication : ⟦adénocarcinome du côlon droit⟧ (⟦caecum⟧) découvert sur ⟦anémie ferriprive⟧, ⟦coloscopie⟧ avec ⟦biopsies⟧ positives, ⟦scanner TAP⟧ sans métastase. ⟦ACE 4,2⟧.
Intervention : ⟦hémicolectomie droite par cœlioscopie⟧ avec ⟦curage ganglionnaire⟧, ⟦anastomose iléo-colique⟧ mécanique latéro-latérale.
Constatations : ⟦tumeur caecale bourgeonnante de 4 cm⟧, pas de carcinose, foie macroscopiquement sain.
Suites : réhabilitation améliorée après chirurgie (RAAC), ⟦HBPM⟧ 28 jours. Résultats anatomopathologiques et RCP à suivre.
""",
    ),
    (
        "P",
        "email",
        "manager_thyroidectomie",
        """
Bonjour l'équipe,

Petite info organisationnelle : notre collègue de la compta fournisseurs sera absente à partir de lundi pour trois semaines. Elle doit se faire opérer de la ⟦thyroïde⟧ (⟦thyroïdectomie totale⟧) suite à des ⟦nodules⟧ qu'on lui a trouvés cet été. Elle m'a autorisée à vous le dire, mais merci de ne pas la bombarder de questions à son retour 🙂

D'ici là, les relances fournisseurs passent par Mathieu et les clôtures par moi.

Bonne semaine,
Élodie
""",
    ),
    (
        "P",
        "sick_note",
        "certificat_entorse",
        """
CERTIFICAT MÉDICAL

Je soussigné, Docteur Alain Mercier, certifie avoir examiné ce jour le jeune Hugo, 14 ans, qui présente une ⟦entorse de la cheville gauche⟧ (⟦atteinte du ligament latéral externe⟧, ⟦stade 2⟧) survenue lors d'un match de handball.
Son état de santé justifie une dispense d'éducation physique et sportive pour une durée de 4 semaines.
Certificat remis en main propre pour servir et valoir ce que de droit.
""",
    ),
    (
        "P",
        "therapy_note",
        "tca_boulimie",
        """
Synthèse de suivi — consultation TCA
Pat. suivie pour ⟦boulimie⟧ depuis 8 mois. ⟦Crises⟧ passées de ⟦5-6/semaine⟧ à ⟦1-2/semaine⟧, ⟦vomissements provoqués⟧ encore après les crises. ⟦Kaliémie 3,3 mmol/L⟧ au dernier bilan → ⟦supplémentation potassique⟧. ⟦Érosions dentaires⟧ signalées par le dentiste. ⟦Humeur fluctuante⟧
, ⟦idées noires⟧ passagères sans projet. Sous ⟦fluoxétine 60 mg⟧. Poursuite ⟦TCC⟧ hebdomadaire et suivi diététique, ⟦bilan bio⟧ de contrôle dans 15 jours.
""",
    ),
    (
        "P",
        "chat",
        "chat_brulures_omeprazole",
        """
jai des ⟦brulures d'estomac⟧ depuis 2 sem, surtout la nuit quand je m'allonge, et des ⟦remontées acides⟧ dans la gorge. le doc ma donné de l'⟦omeprazole 20⟧ le matin mais ca change pas grand chose. je dois le prendre avant ou apres manger ?? et est ce que c normal davoir ⟦mal au ventre⟧ avec
""",
    ),
    (
        "P",
        "forum_post",
        "forum_mari_avc",
        """
Bonjour, mon mari (58 ans) a fait un ⟦AVC⟧ il y a trois mois. Il a gardé une ⟦paralysie du bras droit⟧ et surtout des ⟦troubles de la parole⟧ : il comprend tout mais les mots ne sortent pas (⟦aphasie⟧ d'après l'orthophoniste). Il est très ⟦déprimé⟧ et refuse de voir ses amis. Le neurologue a ajouté ⟦sertraline⟧ il y a 3 semaines. Est-ce que quelqu'un a connu ça ? Combien de temps avant de voir des progrès de la ⟦rééducation⟧ ?
""",
    ),
    (
        "P",
        "email",
        "rh_grossesse_praevia",
        """
Objet : Absence — vente boutique Lyon

Bonjour,

Notre vendeuse en CDI nous a informés qu'elle est ⟦enceinte⟧ (⟦5e mois⟧) et que son gynécologue a diagnostiqué un ⟦placenta praevia⟧ avec ⟦saignements⟧. Elle est donc en arrêt jusqu'au début de son congé maternité. Merci de prévoir un CDD de remplacement et de mettre à jour le planning des week-ends.

Cordialement,
Service RH
""",
    ),
    (
        "P",
        "clinical_note",
        "ist_gonocoque",
        """
Centre de santé sexuelle — résultats
⟦PCR gonocoque positive⟧ (pharynx et anus), ⟦PCR chlamydia négative⟧ sur les 3 sites. ⟦Sérologies VIH, syphilis, VHB, VHC négatives⟧. Pat. sous ⟦PrEP⟧. Rappelé ce jour, reçu à 16 h : ⟦ceftriaxone 1 g⟧ IM dose unique. Notification partenaires expliquée (2 partenaires identifiables). Contrôle ⟦PCR pharyngée⟧ à 2 semaines.
""",
    ),
    (
        "P",
        "form",
        "rqth_pr",
        """
Formulaire de demande auprès de la MDPH — Certificat médical (extrait)
Pathologie motivant la demande : ⟦polyarthrite rhumatoïde⟧ diagnostiquée en 2019, ⟦érosive⟧, ⟦séropositive⟧.
Traitements en cours : ⟦méthotrexate 15 mg⟧/semaine, ⟦adalimumab⟧ toutes les 2 semaines, ⟦prednisone 5 mg⟧/j.
Retentissement fonctionnel : ⟦douleurs articulaires⟧ et ⟦raideur matinale⟧ de plus d'une heure, ⟦déformation des doigts⟧, difficulté à la préhension fine (clavier, écriture prolongée), ⟦fatigue chronique⟧. ⟦Périmètre de marche réduit à 500 m⟧.
Demande : reconnaissance de la qualité de travailleur handicapé (RQTH), aménagement de poste.
""",
    ),
    (
        "P",
        "report",
        "orthophonie_begaiement",
        """
Compte rendu de bilan orthophonique
Enfant de 6 ans adressé par le médecin scolaire pour ⟦bégaiement⟧ apparu vers 4 ans. On observe ⟦répétitions de syllabes⟧, ⟦blocages⟧ en début de phrase et des ⟦mouvements associés⟧ (clignements des yeux). ⟦Fréquence des disfluences : 9 % des syllabes⟧. Le langage est par ailleurs adapté à l'âge. L'enfant commence à éviter de prendre la parole en classe. Une ⟦rééducation orthophonique⟧ hebdomadaire est proposée (programme Lidcombe), avec guidance parentale.
""",
    ),
    (
        "P",
        "json",
        "json_historique_delivrance",
        """
{
  "export": "historique_delivrances",
  "periode": "12 derniers mois",
  "lignes": [
    {"date": "2024-02-03", "medicament": "⟦LEVOTHYROX 75 µg⟧", "qte": 3},
    {"date": "2024-02-03", "medicament": "⟦SERESTA 10 mg⟧", "qte": 1},
    {"date": "2024-05-11", "medicament": "⟦AMOXICILLINE 1 g⟧", "qte": 1},
    {"date": "2024-06-28", "medicament": "⟦LEVOTHYROX 75 µg⟧", "qte": 3},
    {"date": "2024-09-14", "medicament": "⟦VENTOLINE 100 µg⟧", "qte": 2}
  ],
  "note_pharmacien": "⟦hypothyroïdie⟧ connue, vérifier prise à distance du fer"
}
""",
    ),
    (
        "P",
        "prescription",
        "ordonnance_securisee_tdah",
        """
ORDONNANCE SÉCURISÉE
Docteur Sophie Aubry — Psychiatre

⟦Méthylphénidate LP 36 mg⟧ (Concerta) : 1 comprimé le matin
Durée : 28 jours
Nombre d'unités : 28 (vingt-huit)

Adulte suivi pour ⟦TDAH⟧ à présentation combinée, diagnostiqué à 32 ans. ⟦Pression artérielle 122/78⟧, ⟦FC 84⟧, ⟦poids stable⟧. Délivrance fractionnée non nécessaire.
""",
    ),
]
FR_HELD += [
    (
        "N",
        "question",
        "q_avc_types",
        """
C'est quoi la différence entre un AVC ischémique et un AVC hémorragique ? Et pourquoi on ne peut pas donner le même traitement aux deux ?
""",
    ),
    (
        "N",
        "leaflet",
        "notice_phloroglucinol",
        """
Phloroglucinol 80 mg, comprimé orodispersible — notice (extrait)
Indications : traitement symptomatique des douleurs liées aux troubles fonctionnels du tube digestif et des voies biliaires, des douleurs spasmodiques urinaires et gynécologiques.
Grossesse : ce médicament peut être utilisé pendant la grossesse si besoin.
Effets indésirables possibles : rares cas de réactions cutanées allergiques (éruption, urticaire), exceptionnellement œdème de Quincke.
""",
    ),
    (
        "N",
        "news",
        "article_rougeole",
        """
Rougeole : recrudescence des cas en Europe
Le nombre de cas de rougeole a été multiplié par dix en un an dans la région européenne de l'OMS, selon un rapport publié jeudi. En France, plus de 400 cas ont été déclarés depuis janvier, principalement chez des enfants et jeunes adultes non ou incomplètement vaccinés. Les autorités sanitaires rappellent que deux doses de vaccin ROR protègent à plus de 95 %.
""",
    ),
    (
        "N",
        "guideline",
        "reco_vaccination_hpv",
        """
La vaccination contre les papillomavirus humains est recommandée pour toutes les filles et tous les garçons âgés de 11 à 14 ans, selon un schéma à deux doses espacées de 6 à 13 mois. Un rattrapage est possible entre 15 et 19 ans révolus (schéma à trois doses). Chez les hommes ayant des relations sexuelles avec des hommes, la vaccination est recommandée jusqu'à 26 ans.
""",
    ),
    (
        "N",
        "job_ad",
        "annonce_remplacant_mg",
        """
Cabinet de groupe (4 médecins généralistes, 1 IPA) cherche remplaçant(e) pour juillet-août, 4 jours/semaine. Patientèle variée : pédiatrie, suivi de grossesse, gériatrie, petite traumatologie. Logiciel Weda, secrétariat sur place, rétrocession 75 %. Logement possible à proximité. Contact par mail.
""",
    ),
    (
        "N",
        "chat",
        "fig_indigestion_reunions",
        """
franchement j'ai une indigestion de réunions cette semaine, et ce nouveau process de validation me donne des boutons. vivement vendredi 🙃
""",
    ),
    (
        "N",
        "chat",
        "fig_excel_malade",
        """
ce fichier Excel est complètement malade, dès qu'on touche une cellule tout recalcule pendant 5 min. la boîte est sous perfusion de macros VBA depuis 2008 mdr
""",
    ),
    (
        "N",
        "vet_note",
        "veto_chat_diabete",
        """
Chat européen, mâle castré, 11 ans, 6,8 kg. Polyuro-polydipsie et amaigrissement depuis 1 mois.
Glycémie 4,8 g/L, glucosurie +++, fructosamine 620 µmol/L. Diagnostic : diabète sucré félin.
Traitement : insuline glargine 1 UI matin et soir, alimentation hyperprotéinée pauvre en glucides. Courbe de glycémie à J7. Propriétaire formée aux injections.
""",
    ),
    (
        "N",
        "code",
        "sql_arrets_stats",
        """
-- nombre d'arrêts maladie par motif et par trimestre (données agrégées, aucun salarié identifiable)
SELECT motif_categorie,
       date_trunc('quarter', date_debut) AS trimestre,
       COUNT(*)                          AS nb_arrets,
       AVG(date_fin - date_debut)        AS duree_moyenne
FROM arrets_travail
WHERE motif_categorie IN ('TMS', 'psychologique', 'respiratoire')
GROUP BY 1, 2
HAVING COUNT(*) >= 10;   -- seuil de confidentialité
""",
    ),
    (
        "N",
        "faq",
        "faq_cpam_arret",
        """
Comment envoyer mon arrêt de travail ?
Si votre médecin a établi un avis d'arrêt de travail papier, vous devez envoyer les volets 1 et 2 à votre caisse d'Assurance Maladie et le volet 3 à votre employeur dans les 48 heures. S'il l'a établi en ligne, vous n'avez que le volet 3 à transmettre à votre employeur. Pendant l'arrêt, les sorties sont interdites sauf mention contraire du médecin.
""",
    ),
    (
        "N",
        "plot_summary",
        "synopsis_film_leucemie",
        """
Synopsis : Dans ce drame inspiré d'aucun fait réel, Théo, un adolescent imaginé par la scénariste, apprend qu'il est atteint d'une leucémie à la veille du bac. Entre les séances de chimiothérapie et les répétitions de son groupe de rock, il décide de monter un dernier concert avec ses amis. Un film lumineux sur l'amitié, sorti en salles mercredi.
""",
    ),
    (
        "V",
        "vignette",
        "ecn_acidocetose",
        """
Un jeune homme de 19 ans, sans antécédent, est amené aux urgences pour ⟦douleurs abdominales⟧, ⟦vomissements⟧ et ⟦somnolence⟧. Il rapporte une ⟦soif intense⟧ et une ⟦perte de 5 kg⟧ en trois semaines. ⟦Polypnée ample⟧, ⟦haleine à odeur de pomme⟧. ⟦Glycémie 28 mmol/L⟧, ⟦pH 7,12⟧, ⟦bicarbonates 8 mmol/L⟧, ⟦cétonémie 5,6 mmol/L⟧. Quel est votre diagnostic ?
""",
    ),
]

# =============================================================================================
# SPANISH - DEV
# =============================================================================================
ES_DEV = [
    (
        "P",
        "clinical_note",
        "evolucion_fa_ic",
        """
Evolución (C. Salud, consulta de enfermería/medicina)
Pte. de 78 a. con AP de ⟦FA permanente⟧ anticoagulada con ⟦Sintrom⟧, ⟦IC con FEVI conservada⟧, ⟦ERC estadio 3a⟧ y ⟦hipotiroidismo⟧. Acude por ⟦aumento de disnea⟧ de 1 semana y ⟦edemas en MMII⟧ hasta rodillas. Refiere ⟦ortopnea⟧ de 2 almohadas.
EF: ⟦TA 146/88⟧, ⟦FC 98 lpm⟧ arrítmica, ⟦SatO2 94 %⟧. ⟦Crepitantes bibasales⟧. ⟦Peso 81 kg⟧ (+3 kg).
⟦INR 2,8⟧.
JC: ⟦IC descompensada⟧, probable ⟦transgresión dietética⟧.
Plan: aumento de ⟦furosemida 40 mg⟧ a 1-1-0 durante 5 días, control de peso diario, ⟦analítica⟧ con iones en 1 semana. Si empeora, acudir a urgencias.
""",
    ),
    (
        "P",
        "prescription",
        "receta_tendinitis",
        """
Receta médica — Sistema Nacional de Salud
Diagnóstico: ⟦tendinitis del supraespinoso⟧ derecho
Medicamento: ⟦Ibuprofeno 600 mg⟧ comprimidos — 1 cada 8 h con comida, 10 días
Medicamento: ⟦Omeprazol 20 mg⟧ cápsulas — 1 en ayunas mientras tome ibuprofeno
Indicaciones: reposo relativo del hombro, frío local 15 min 3 veces al día. Derivación a ⟦fisioterapia⟧.
""",
    ),
    (
        "P",
        "email",
        "rrhh_tunel_carpiano",
        """
Asunto: Baja médica — administración

Hola Marta:

Te informo de que nuestra compañera de facturación ha presentado hoy el parte de baja médica. Según nos ha comentado, la van a ⟦operar del túnel carpiano⟧ de la mano derecha el día 12 y calcula unas cuatro semanas de baja, más la ⟦rehabilitación⟧. Lleva meses con ⟦dolor y hormigueo⟧ en los dedos por las noches.

Mientras tanto, Javier se encargará de la conciliación bancaria. Por favor, no comentes los detalles con el resto del equipo.

Un saludo,
Lorena (RRHH)
""",
    ),
    (
        "P",
        "chat",
        "chat_colesterol_comida",
        """
hola! en la analítica me ha salido el ⟦colesterol alto⟧ (⟦LDL 190⟧) y la médica dice que si en 3 meses no baja me pone ⟦estatinas⟧. qué debería comer? desayuno tostadas con jamón y a media mañana un bollo 😅 también tengo ⟦los triglicéridos en 210⟧
""",
    ),
    (
        "P",
        "forum_post",
        "foro_hermana_lupus",
        """
Hola a todas, a mi hermana (29) le acaban de diagnosticar ⟦lupus⟧ después de meses con ⟦dolor en las articulaciones⟧, ⟦cansancio extremo⟧ y unas ⟦manchas en la cara⟧ con el sol. Le han salido los ⟦ANA positivos⟧ y ⟦anti-DNA altos⟧ y le han puesto ⟦hidroxicloroquina 200 mg⟧ y ⟦prednisona⟧. Está asustadísima porque ha leído que puede afectar al riñón. ¿Alguna tiene experiencia con la hidroxicloroquina? ¿Cuánto tardó en hacer efecto?
""",
    ),
    (
        "P",
        "discharge_summary",
        "alta_pancreatitis_biliar",
        """
INFORME DE ALTA — Servicio de Aparato Digestivo

Motivo de ingreso: ⟦dolor abdominal epigástrico en cinturón⟧ con ⟦vómitos⟧.
Antecedentes: ⟦colelitiasis⟧ conocida, ⟦obesidad⟧, ⟦HTA⟧ en tratamiento con ⟦enalapril 10 mg⟧. No alergias medicamentosas conocidas.
Pruebas: ⟦lipasa 4.230 U/L⟧, ⟦PCR 19 mg/dL⟧ a las 48 h. ⟦TC abdominal⟧: ⟦pancreatitis edematosa⟧ sin necrosis (⟦Balthazar C⟧). ⟦Ecografía⟧: ⟦vesícula con múltiples litiasis⟧.
Evolución: favorable con ⟦sueroterapia⟧, analgesia y ⟦nutrición oral precoz⟧.
Juicio clínico: ⟦pancreatitis aguda leve de origen biliar⟧.
Recomendaciones: dieta baja en grasas; ⟦colecistectomía⟧ programada en este ingreso o en las próximas 2-4 semanas (lista de espera de Cirugía General).
""",
    ),
    (
        "P",
        "lab_result",
        "analitica_glucosa",
        """
RESULTADOS DE ANALÍTICA (extracto)
Glucosa basal ......... ⟦126 mg/dL⟧ *
Hemoglobina A1c ....... ⟦6,7 %⟧ *
Colesterol total ...... ⟦248 mg/dL⟧ *
LDL ................... ⟦171 mg/dL⟧ *
Ácido úrico ........... ⟦8,1 mg/dL⟧ *
TSH ................... ⟦2,1 µUI/mL⟧
* Valor fuera de rango. Comentario de su médico: "Cita presencial para hablar de la ⟦diabetes⟧."
""",
    ),
    (
        "P",
        "referral_letter",
        "derivacion_digestivo",
        """
Hoja de interconsulta — Atención Primaria → Digestivo (preferente)
Varón de 61 años. Motivo: ⟦rectorragia⟧ intermitente de 2 meses y ⟦anemia ferropénica⟧ (⟦Hb 10,4 g/dL⟧, ⟦ferritina 9 ng/mL⟧). ⟦Cambio del ritmo intestinal⟧ con ⟦heces más finas⟧. ⟦Pérdida de 4 kg⟧. ⟦Tacto rectal⟧: ⟦hemorroides externas⟧, no masas. ⟦SOH positiva⟧ en programa de cribado. Padre con ⟦cáncer de colon⟧ a los 70. Solicito ⟦colonoscopia⟧.
""",
    ),
    (
        "P",
        "therapy_note",
        "psico_panico",
        """
Nota de sesión (psicología clínica, sesión 5)
Paciente derivada por su MAP por ⟦trastorno de pánico con agorafobia⟧. Refiere 2 ⟦crisis⟧ esta semana (una en el metro), menos intensas que al inicio. Ha retomado la ⟦paroxetina 20 mg⟧ que había dejado por su cuenta. Seguimos con ⟦exposición interoceptiva⟧ (hiperventilación, girar en silla) y registro de pensamientos catastrofistas. Tarea: viaje de 2 paradas de metro acompañada. Próxima sesión en 15 días.
""",
    ),
    (
        "P",
        "school_note",
        "colegio_celiaca_asma",
        """
Estimada tutora:

Le escribo para informarle de que nuestra hija es ⟦celíaca⟧, por lo que en el comedor debe tomar el menú sin gluten (ya lo hemos solicitado en secretaría con el informe médico). Le agradeceríamos que en los cumpleaños de clase no le den bizcocho si no sabemos que es apto.

Además tiene ⟦asma⟧ y en educación física a veces necesita el ⟦inhalador de salbutamol⟧, que lleva en la mochila con la cámara. Si le cuesta respirar, por favor que se lo ponga y nos llamen.

Muchas gracias,
Pilar y Andrés
""",
    ),
    (
        "P",
        "dental_note",
        "dentista_implante_36",
        """
Paciente ⟦fumador⟧ (⟦15 cig/día⟧) con ⟦bruxismo⟧, acude para valoración de ⟦implante en 36⟧ (⟦exodoncia⟧ hace 4 meses por ⟦fractura radicular⟧). ⟦CBCT⟧: ⟦reabsorción ósea vestibular⟧, ⟦anchura 5,5 mm⟧. Toma ⟦enalapril⟧ y ⟦metformina⟧ (⟦DM2⟧ controlada según refiere). Se plantea ⟦regeneración ósea guiada⟧ previa + implante en 2.º tiempo. Se recomienda abandono del tabaco y ⟦férula de descarga⟧ nocturna. Presupuesto entregado.
""",
    ),
    (
        "P",
        "clinical_note",
        "vih_diagnostico_reciente",
        """
Consulta de Enfermedades Infecciosas — primera visita
Pte. derivado desde Atención Primaria por ⟦serología VIH positiva⟧ (⟦confirmada por Western Blot⟧). ⟦CV 128.000 copias/mL⟧, ⟦CD4 210 cél/µL (14 %)⟧. ⟦HLA-B*5701 negativo⟧. ⟦Serología VHB: vacunado⟧; ⟦VHC negativo⟧; ⟦lúes: RPR negativo⟧. ⟦Candidiasis oral⟧ leve en la exploración. Se inicia ⟦TAR⟧ con ⟦dolutegravir/lamivudina⟧ tras descartar VHB, y se valorará ⟦profilaxis con cotrimoxazol⟧ si los CD4 bajan de 200. Apoyo psicológico ofrecido.
""",
    ),
    (
        "P",
        "clinical_note",
        "eco_20_semanas",
        """
Ecografía morfológica — ⟦semana 20+3⟧
⟦Gestación única⟧, feto en cefálica, ⟦FCF 148 lpm⟧. ⟦Biometrías acordes a amenorrea⟧.
 ⟦Placenta anterior, alejada de OCI⟧. ⟦Líquido amniótico normal⟧. Estudio morfológico sin hallazgos patológicos. ⟦Cérvix 38 mm⟧. Gestante ⟦primigesta⟧, ⟦hipotiroidismo⟧ en tratamiento con ⟦Eutirox 75⟧. Próximo control: ⟦O'Sullivan⟧ en semana 24-28.
""",
    ),
    (
        "P",
        "clinical_note",
        "cad_cocaina",
        """
CAD (Centro de Atención a Drogodependencias) — valoración inicial
Varón de 34 a. derivado por su médico tras ⟦episodio de dolor torácico⟧ tras consumo. ⟦Trastorno por consumo de cocaína⟧ (intranasal, ⟦2-3 g/fin de semana⟧ desde hace 6 años) y ⟦consumo perjudicial de alcohol⟧ asociado. ⟦Urinoanálisis: cocaína positivo⟧. Niega consumo de otras sustancias. Motivación moderada (pareja ⟦embarazada⟧). Plan: seguimiento semanal con psicóloga, ⟦topiramato⟧ a valorar por psiquiatría, grupo de prevención de recaídas.
""",
    ),
    (
        "P",
        "insurance_claim",
        "autorizacion_rm_rodilla",
        """
SOLICITUD DE AUTORIZACIÓN DE PRUEBA DIAGNÓSTICA
Compañía: [aseguradora]     Especialidad: Traumatología
Prueba solicitada: ⟦Resonancia magnética de rodilla izquierda⟧
Diagnóstico de sospecha: ⟦rotura de menisco interno⟧
Justificación clínica: ⟦dolor en interlínea medial⟧ tras torsión jugando al pádel hace 3 semanas, ⟦derrame articular⟧, ⟦McMurray positivo⟧, ⟦bloqueos⟧ ocasionales. ⟦Radiografía⟧ sin lesiones óseas.
Firma del facultativo y número de colegiado.
""",
    ),
]
ES_DEV += [
    (
        "N",
        "question",
        "q_fibromialgia",
        """
¿Qué es exactamente la fibromialgia? ¿Se diagnostica con alguna prueba o solo por los síntomas? Estoy preparando una charla para una asociación de pacientes.
""",
    ),
    (
        "N",
        "leaflet",
        "prospecto_enantyum",
        """
PROSPECTO: INFORMACIÓN PARA EL USUARIO
Dexketoprofeno 25 mg comprimidos recubiertos
Qué es y para qué se utiliza: analgésico perteneciente al grupo de los antiinflamatorios no esteroideos (AINE). Se utiliza para el tratamiento sintomático del dolor de intensidad leve o moderada, como dolor muscular, dolor menstrual (dismenorrea) o dolor dental.
No tome este medicamento si tiene o ha tenido úlcera péptica, hemorragia de estómago o de intestino, o si está en el tercer trimestre del embarazo.
""",
    ),
    (
        "N",
        "news",
        "noticia_dengue",
        """
Sanidad confirma 12 casos autóctonos de dengue este verano
El Ministerio de Sanidad ha confirmado doce casos de dengue de transmisión local en tres comunidades autónomas, la cifra más alta registrada en España. Todos los pacientes han evolucionado favorablemente. Los expertos atribuyen el aumento a la expansión del mosquito tigre y recomiendan eliminar el agua estancada en macetas y patios.
""",
    ),
    (
        "N",
        "guideline",
        "guia_cribado_diabetes",
        """
Recomendación: realizar cribado de diabetes tipo 2 cada 3 años en personas mayores de 45 años, y anualmente en la población con riesgo elevado (antecedente de diabetes gestacional, prediabetes, IMC ≥ 30, hipertensión arterial o familiares de primer grado con diabetes). El método de cribado recomendado es la glucemia basal en plasma venoso; la HbA1c es una alternativa válida.
""",
    ),
    (
        "N",
        "job_ad",
        "oferta_enfermera_quirofano",
        """
Se busca Enfermero/a para bloque quirúrgico — Hospital privado en Valencia
Funciones: instrumentación en cirugía traumatológica y general, circulante, preparación de material y control de la esterilización.
Requisitos: Grado en Enfermería, colegiación, experiencia mínima de 1 año en quirófano.
Ofrecemos: contrato indefinido, turno de mañanas, formación continuada y seguro médico.
""",
    ),
    (
        "N",
        "chat",
        "fig_dolor_cabeza_reunion",
        """
buah, esta reunión me está dando un dolor de cabeza que flipas. el cliente cambia los requisitos cada semana, me va a dar algo 🤯
""",
    ),
    (
        "N",
        "email",
        "fig_proyecto_uci",
        """
Equipo: el proyecto de migración está en la UCI. Llevamos dos sprints con fiebre de bugs y el presupuesto está en las últimas. Propongo una reunión de urgencia el lunes para decidir si lo reanimamos o lo desconectamos.
""",
    ),
    (
        "N",
        "vet_note",
        "vet_perro_leishmania",
        """
Informe veterinario
Paciente: perro, Podenco, hembra, 5 años, 18 kg.
Motivo: pérdida de peso, alopecia periocular, uñas largas, lesiones descamativas en orejas.
Pruebas: serología de Leishmania positiva (título 1/640), proteinograma con hipergammaglobulinemia, UPC 0,4.
Diagnóstico: leishmaniosis canina, estadio II (LeishVet).
Tratamiento: antimoniato de meglumina 28 días + alopurinol 10 mg/kg cada 12 h. Collar repelente. Control en 1 mes.
""",
    ),
    (
        "N",
        "policy",
        "poliza_exclusiones",
        """
Cláusula 5.ª — Exclusiones de la cobertura de asistencia sanitaria
Quedan excluidos: los tratamientos de reproducción asistida; la cirugía estética no reparadora; el tratamiento de la drogadicción y del alcoholismo; la interrupción voluntaria del embarazo fuera de los supuestos legales; las enfermedades preexistentes declaradas o no al contratar la póliza durante el periodo de carencia de 10 meses; y los tratamientos experimentales.
""",
    ),
    (
        "N",
        "code",
        "code_modelo_cita",
        """
# models.py — app de citas del centro de salud
class Cita(models.Model):
    paciente = models.ForeignKey("Paciente", on_delete=models.CASCADE)
    fecha = models.DateTimeField()
    motivo = models.CharField(max_length=200, blank=True)   # p. ej. "control TA", "receta"
    diagnostico_cie10 = models.CharField(max_length=10, blank=True)
    es_urgente = models.BooleanField(default=False)

    class Meta:
        ordering = ["fecha"]
""",
    ),
    (
        "N",
        "abstract",
        "resumen_cohorte_ictus",
        """
Objetivo: describir la incidencia de ictus en mayores de 65 años con fibrilación auricular no anticoagulados. Métodos: estudio de cohortes retrospectivo con datos de historias clínicas de atención primaria de Cataluña (2012-2020), n = 48.215. Resultados: la incidencia de ictus isquémico fue de 3,1 por 100 personas-año; el 41 % de los pacientes con CHA2DS2-VASc ≥ 2 no recibía anticoagulación. Conclusiones: persiste una infrautilización relevante de los anticoagulantes orales.
""",
    ),
    (
        "V",
        "vignette",
        "mir_hemorragia_varices",
        """
Varón de 52 años, ⟦bebedor de 80 g de alcohol al día⟧, que acude a urgencias por ⟦hematemesis⟧ de sangre roja y ⟦melenas⟧. A la exploración presenta ⟦ictericia conjuntival⟧, ⟦arañas vasculares⟧, ⟦ascitis⟧ y ⟦esplenomegalia⟧. ⟦TA 85/50 mmHg⟧, ⟦FC 120 lpm⟧. ⟦Hb 7,8 g/dL⟧, ⟦plaquetas 62.000/µL⟧, ⟦INR 1,8⟧. Además de la reposición de volumen, ¿cuál es el fármaco que debe administrarse de forma inmediata?
""",
    ),
]

# =============================================================================================
# SPANISH - HELDOUT
# =============================================================================================
ES_HELD = [
    (
        "P",
        "clinical_note",
        "urgencias_pericarditis",
        """
URGENCIAS — Anamnesis: varón de 27 a., sin AP de interés salvo ⟦cuadro catarral⟧ hace 10 días. Consulta por ⟦dolor torácico⟧ ⟦punzante⟧ que ⟦empeora en decúbito⟧ y ⟦mejora al inclinarse hacia delante⟧.
Exploración: ⟦Tª 37,8 °C⟧, ⟦TA 124/72⟧, ⟦FC 96⟧. ⟦Roce pericárdico⟧.
PPCC: ⟦ECG con elevación cóncava del ST difusa y descenso del PR⟧. ⟦Troponina T 14 ng/L⟧ (normal). ⟦PCR 6,3 mg/dL⟧. ⟦Ecocardio⟧: ⟦derrame pericárdico ligero⟧.
JC: ⟦pericarditis aguda idiopática⟧.
Tto: ⟦ibuprofeno 600 mg⟧/8 h 2 semanas + ⟦colchicina 0,5 mg⟧/12 h 3 meses + protección gástrica. Reposo deportivo 3 meses.
""",
    ),
    (
        "P",
        "discharge_summary",
        "alta_icc_anciana",
        """
Informe de alta — Medicina Interna
Paciente de 86 años, vive con su hija, ⟦dependiente para ABVD⟧ (⟦Barthel 55⟧). Ingresa por ⟦insuficiencia cardiaca descompensada⟧ precipitada por ⟦infección respiratoria⟧.
Antecedentes: ⟦cardiopatía hipertensiva⟧, ⟦estenosis aórtica moderada⟧, ⟦diabetes mellitus tipo 2⟧, ⟦deterioro cognitivo leve⟧.
Evolución: mejoría con ⟦diuréticos intravenosos⟧, ⟦pérdida de 4 kg⟧. Presentó ⟦hiponatremia leve⟧ (⟦Na 131⟧) que se corrigió. Al alta ⟦NT-proBNP 3.200⟧ (ingreso ⟦9.800⟧).
Tratamiento al alta: ⟦furosemida 40 mg⟧ 1-0-0, ⟦bisoprolol 2,5 mg⟧ 1-0-0, ⟦linagliptina 5 mg⟧ 1-0-0, ⟦omeprazol 20 mg⟧ 1-0-0. Suspender ⟦glibenclamida⟧.

Seguimiento por su médica de familia y enfermería de enlace en 72 h.
""",
    ),
    (
        "P",
        "handover",
        "relevo_postcesarea",
        """
Relevo turno de noche — Maternidad, hab. 408
Puérpera de ⟦cesárea urgente⟧ por ⟦RPBF⟧ (registro patológico) hace 14 h. ⟦TA 110/70⟧, ⟦Tª 36,9⟧. ⟦Útero contraído⟧, ⟦loquios normales⟧. ⟦Dolor 4/10⟧ en herida, ⟦paracetamol 1 g⟧ a las 02:00 y ⟦dexketoprofeno⟧ a las 04:00. Sonda vesical retirada, micción espontánea pendiente. ⟦Hb control 9,6⟧ → ⟦hierro oral⟧. ⟦Lactancia materna⟧, RN en cuna en la habitación, buen agarre. ⟦HBPM⟧ a las 20:00.
""",
    ),
    (
        "P",
        "text_message",
        "whatsapp_abuela_cadera",
        """
Familia, os cuento: la abuela se cayó anoche en el baño y se ha ⟦roto la cadera⟧ 😢 Está en el Clínico, la ⟦operan⟧ mañana por la mañana (le van a poner una ⟦prótesis⟧). Como toma ⟦Sintrom⟧ han tenido que esperar a que le baje el ⟦INR⟧. Está ⟦un poco desorientada⟧ pero tranquila. Yo me quedo esta noche, ¿quién puede mañana por la tarde?
""",
    ),
    (
        "P",
        "email",
        "rrhh_baja_ansiedad",
        """
Asunto: Situación de un trabajador — confidencial

Buenos días, Carlos:

Te escribo en relación con el técnico de soporte del turno de tarde. Está de baja desde el lunes; me ha contado que su médica de cabecera le ha diagnosticado un ⟦trastorno de ansiedad⟧ y le ha pautado ⟦lorazepam⟧ y ⟦terapia⟧. Al parecer ya llevaba semanas con ⟦insomnio⟧ y ⟦ataques de ansiedad⟧ antes de las guardias. Cuando se reincorpore, convendría revisar su carga de guardias con el servicio de prevención.

Por favor, trátalo con la máxima discreción.

Un saludo,
Nuria
""",
    ),
    (
        "P",
        "prescription",
        "receta_electronica_sintrom",
        """
Hoja de tratamiento activo (receta electrónica)
- ⟦Sintrom 4 mg⟧ — según pauta de hematología (⟦INR objetivo 2-3⟧) — indicación: ⟦prótesis valvular mecánica mitral⟧
- ⟦Digoxina 0,25 mg⟧ — 1 comp. días alternos — ⟦fibrilación auricular⟧
- ⟦Espironolactona 25 mg⟧ — 1 comp. al día — ⟦insuficiencia cardiaca⟧
- ⟦Paracetamol 1 g⟧ — si ⟦dolor⟧, máx. 3 al día
Próxima dispensación disponible a partir del día 5.
""",
    ),
    (
        "P",
        "sick_note",
        "parte_baja_cervical",
        """
PARTE MÉDICO DE BAJA — Incapacidad temporal por contingencias comunes
Diagnóstico: ⟦esguince cervical⟧ (⟦latigazo cervical⟧) tras accidente de tráfico (alcance trasero)
Limitación funcional: ⟦dolor cervical con irradiación a trapecios⟧, ⟦limitación de la rotación⟧, ⟦cefalea occipital⟧
Duración estimada del proceso: 30 días
Tratamiento: ⟦collarín blando⟧ 5 días, ⟦analgesia⟧, ⟦fisioterapia⟧
""",
    ),
    (
        "P",
        "lab_result",
        "citologia_vph",
        """
Resultado de cribado de cáncer de cérvix
⟦Prueba de VPH de alto riesgo: POSITIVA⟧ (⟦genotipo 16⟧).
⟦Citología: lesión escamosa intraepitelial de bajo grado (LSIL)⟧.
Conducta: se remite a consulta de patología cervical para ⟦colposcopia⟧ en un plazo inferior a 3 meses. Recibirá una cita por SMS. Si tiene dudas, puede consultar con su matrona.
""",
    ),
    (
        "P",
        "clinical_note",
        "hepatitis_c_tratamiento",
        """
Consulta de Hepatología — seguimiento
⟦Hepatitis C crónica⟧, ⟦genotipo 3a⟧, ⟦cirrosis compensada⟧ (⟦Child-Pugh A5⟧, ⟦Fibroscan 17 kPa⟧). Terminó ⟦sofosbuvir/velpatasvir⟧ 12 semanas hace 3 meses: ⟦RVS12 — ARN VHC indetectable⟧. ⟦Plaquetas 118.000⟧, ⟦albúmina 3,9⟧. Como tiene cirrosis, seguirá ⟦ecografía⟧ semestral para ⟦cribado de hepatocarcinoma⟧. ⟦Endoscopia⟧ 2023: ⟦varices esofágicas pequeñas⟧, en tto con ⟦carvedilol 6,25 mg⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "ive_consulta",
        """
Consulta de IVE — Clínica acreditada
Mujer que solicita ⟦interrupción voluntaria del embarazo⟧ dentro de las primeras 14 semanas. ⟦Ecografía: gestación intrauterina de 8+1 semanas⟧, ⟦latido positivo⟧. ⟦Grupo A Rh negativo⟧ → ⟦inmunoglobulina anti-D⟧. Antecedentes: ⟦1 cesárea⟧ previa, ⟦asma leve⟧. Se explica procedimiento instrumental vs farmacológico; elige ⟦aspiración⟧ con sedación. Se entrega información sobre anticoncepción: desea ⟦DIU hormonal⟧ en el mismo acto.
""",
    ),
    (
        "P",
        "clinical_note",
        "onco_hodgkin",
        """
Hospital de Día de Hematología
⟦Linfoma de Hodgkin clásico⟧, ⟦esclerosis nodular⟧, ⟦estadio IIA⟧ con ⟦masa mediastínica voluminosa⟧. Recibe hoy ⟦ciclo 3 de ABVD⟧ (día 1). Tolerancia: ⟦náuseas grado 1⟧, ⟦alopecia⟧, ⟦neuropatía periférica leve⟧ en dedos. ⟦Neutrófilos 1.300⟧ — se administra igualmente según protocolo. ⟦PET-TC interino⟧ tras 2 ciclos: ⟦Deauville 2⟧. Preservación de fertilidad realizada antes del inicio (⟦criopreservación de semen⟧).
""",
    ),
    (
        "P",
        "lab_result",
        "genetica_hemocromatosis",
        """
INFORME DE GENÉTICA MOLECULAR
Motivo de estudio: ⟦ferritina 1.150 ng/mL⟧ con ⟦índice de saturación de transferrina 78 %⟧.
Resultado: ⟦homocigoto para la variante C282Y del gen HFE⟧ (⟦p.Cys282Tyr⟧). ⟦Variante H63D no detectada⟧.
Interpretación: genotipo compatible con ⟦hemocromatosis hereditaria tipo 1⟧. Se recomienda valoración por Hepatología para inicio de ⟦flebotomías⟧ y estudio de familiares de primer grado.
""",
    ),
    (
        "P",
        "csv",
        "csv_agenda_consultas",
        """
hora,motivo,diagnostico_activo,observaciones
09:00,control,⟦DM2⟧; ⟦HTA⟧,⟦HbA1c 7,9⟧
09:10,receta,⟦hipotiroidismo⟧,renovar ⟦Eutirox 100⟧
09:20,resultados,⟦anemia ferropénica⟧,pendiente ⟦gastroscopia⟧
09:30,urgente,⟦lumbalgia⟧,pide baja
09:40,control,⟦EPOC⟧,⟦espirometría⟧ hoy
09:50,salud mental,⟦depresión⟧,revisar ⟦sertralina⟧
""",
    ),
    (
        "P",
        "chat",
        "chat_psoriasis_metotrexato",
        """
hola, tengo ⟦psoriasis⟧ desde hace años y ahora la dermatologa me ha recetado ⟦metotrexato⟧ 1 vez por semana + ⟦acido folico⟧. puedo beber alcohol los findes?? y es verdad que me tienen que hacer ⟦analiticas⟧ cada mes?? me da un poco de miedo lo del higado
""",
    ),
    (
        "P",
        "forum_post",
        "foro_depresion_posparto",
        """
Hola mamis. Tuve a mi bebé hace 4 meses y desde entonces no me reconozco: ⟦lloro a diario⟧, ⟦no siento nada por él⟧ a veces y tengo ⟦pensamientos horribles⟧. Al final fui a la matrona y me derivaron a salud mental: ⟦depresión posparto⟧. Me han puesto ⟦sertralina 50⟧ (compatible con la lactancia, dicen) y tengo cita con la psicóloga perinatal. Solo quería decir que si os pasa, pidáis ayuda. ¿Cuánto tardó en haceros efecto la medicación?
""",
    ),
]
ES_HELD += [
    (
        "N",
        "question",
        "q_hepatitis_a_contagio",
        """
¿Cómo se contagia la hepatitis A? ¿Es necesario vacunarse antes de viajar a México o con tener cuidado con el agua es suficiente?
""",
    ),
    (
        "N",
        "leaflet",
        "prospecto_omeprazol",
        """
Omeprazol 20 mg cápsulas duras gastrorresistentes — prospecto (extracto)
Omeprazol se utiliza para tratar: enfermedad por reflujo gastroesofágico, úlceras en la parte superior del intestino (úlcera duodenal) o en el estómago (úlcera gástrica), úlceras infectadas por Helicobacter pylori.
Informe a su médico si toma clopidogrel, digoxina o metotrexato.
Efectos adversos frecuentes: dolor de cabeza, diarrea, estreñimiento, náuseas, pólipos benignos en el estómago.
""",
    ),
    (
        "N",
        "news",
        "noticia_gripe_aviar",
        """
La OMS pide reforzar la vigilancia ante la gripe aviar H5N1
La Organización Mundial de la Salud ha instado a los países a intensificar la vigilancia en granjas y aves silvestres tras la detección del virus H5N1 en ganado vacuno en varios estados de EE. UU. El riesgo para la población general se considera bajo, aunque se han notificado casos leves en trabajadores expuestos.
""",
    ),
    (
        "N",
        "guideline",
        "protocolo_sepsis_urgencias",
        """
Código Sepsis — criterios de activación en Urgencias
Sospecha de infección + qSOFA ≥ 2 (FR ≥ 22 rpm, alteración del nivel de conciencia, PAS ≤ 100 mmHg) o lactato ≥ 2 mmol/L.
Primera hora: extracción de hemocultivos antes del antibiótico, lactato, inicio de antibioterapia empírica según foco, fluidoterapia con cristaloides 30 mL/kg si hipotensión o lactato ≥ 4. Valorar vasopresores si PAM < 65 mmHg tras la reposición.
""",
    ),
    (
        "N",
        "job_ad",
        "oferta_mir_guardias",
        """
Se ofrece contrato para médico/a de urgencias hospitalarias (no es necesaria la especialidad vía MIR si se acredita experiencia). Guardias de 17 y 24 h, posibilidad de jornada complementaria. Hospital comarcal de 250 camas con UCI, hemodinámica de referencia a 40 km. Incorporación inmediata.
""",
    ),
    (
        "N",
        "chat",
        "fig_reunion_parto",
        """
la reunión de presupuestos ha sido un parto, tres horas para nada. y el cliente nuevo es un dolor de muelas, me va a dar un infarto cuando vea la factura jajaja
""",
    ),
    (
        "N",
        "vet_note",
        "vet_cachorro_parvo",
        """
Cachorro de 3 meses, mestizo, sin vacunación completa. Vómitos y diarrea hemorrágica desde hace 24 h, decaimiento, deshidratación 8 %. Test rápido de parvovirus positivo. Leucopenia (2.100/µL).
Ingreso en aislamiento: fluidoterapia IV, maropitant, metronidazol, amoxicilina-clavulánico IV, nutrición enteral precoz. Pronóstico reservado. Se informa a los propietarios de la desinfección del domicilio con lejía.
""",
    ),
    (
        "N",
        "policy",
        "poliza_dental",
        """
Seguro dental — servicios incluidos sin coste: consultas, revisiones, limpieza de boca una vez al año, radiografías intraorales, extracciones simples, educación en higiene oral.
Servicios con franquicia: empastes, endodoncias, periodoncia, prótesis, implantes, ortodoncia (según baremo). Periodo de carencia de 6 meses para prótesis e implantes. Quedan excluidos los tratamientos iniciados antes del alta en la póliza.
""",
    ),
    (
        "N",
        "json",
        "json_schema_receta",
        """
{
  "$id": "https://example.org/schemas/receta.json",
  "title": "Línea de receta",
  "type": "object",
  "properties": {
    "codigo_nacional": {"type": "string", "pattern": "^[0-9]{6}$"},
    "principio_activo": {"type": "string", "examples": ["enalapril"]},
    "dosis": {"type": "string", "examples": ["10 mg"]},
    "pauta": {"type": "string", "examples": ["1-0-0"]},
    "diagnostico_cie10": {"type": "string"},
    "duracion_dias": {"type": "integer", "minimum": 1}
  },
  "required": ["codigo_nacional", "principio_activo", "pauta"]
}
""",
    ),
    (
        "N",
        "textbook",
        "glosario_siglas",
        """
Siglas frecuentes en informes clínicos
AP: antecedentes personales. HTA: hipertensión arterial. DM2: diabetes mellitus tipo 2. EPOC: enfermedad pulmonar obstructiva crónica. IC: insuficiencia cardiaca. JC: juicio clínico. MAP: médico de atención primaria. PPCC: pruebas complementarias. RAM: reacción adversa a medicamentos.
""",
    ),
    (
        "N",
        "plot_summary",
        "sinopsis_serie_medica",
        """
Sinopsis del episodio 4: en el hospital ficticio de Santa Clara, la doctora Elena Ruiz se enfrenta a un misterioso brote de meningitis en un colegio mientras intenta ocultar a su equipo que ha vuelto a beber. Mientras tanto, el residente Mario debe decidir si opera al paciente de la habitación 12 sin la autorización del jefe de servicio.
""",
    ),
    (
        "V",
        "vignette",
        "mir_meningitis_nino",
        """
Niño de 4 años que acude por ⟦fiebre de 39,8 °C⟧ de 12 horas, ⟦vómitos⟧ e ⟦irritabilidad⟧. En la exploración destaca ⟦rigidez de nuca⟧, ⟦signos de Kernig y Brudzinski positivos⟧ y ⟦petequias en tronco y extremidades⟧. ⟦TA 80/40 mmHg⟧, ⟦relleno capilar de 4 segundos⟧. ⟦Procalcitonina 28 ng/mL⟧. ¿Cuál es la actitud inicial más adecuada?
""",
    ),
]

# =============================================================================================
# ITALIAN - DEV
# =============================================================================================
IT_DEV = [
    (
        "P",
        "clinical_note",
        "ambulatorio_gotta",
        """
Visita ambulatoriale
Pz di 56 aa, giunge per ⟦dolore⟧, ⟦tumefazione⟧ e ⟦arrossamento⟧ della I MTF dx insorti nella notte dopo cena con frutti di mare e vino. Anamnesi: ⟦ipertensione arteriosa⟧ in tp con ⟦idroclorotiazide⟧, ⟦dislipidemia⟧, ⟦pregresso episodio analogo⟧ 2 anni fa. ⟦Acido urico 9,2 mg/dl⟧, ⟦PCR 4,1⟧, ⟦creatinina 1,1⟧.
Conclusioni: ⟦attacco acuto di gotta⟧.
Terapia: ⟦colchicina 1 mg⟧ subito + ⟦0,5 mg⟧ dopo 1 h, poi 0,5 mg x 2/die; ghiaccio locale. Sostituire idroclorotiazide con ⟦amlodipina 5 mg⟧. A risoluzione avviare ⟦allopurinolo 100 mg⟧. Controllo fra 4 settimane.
""",
    ),
    (
        "P",
        "prescription",
        "ricetta_sinusite",
        """
Dott. Marco Bellini — Medicina Generale
Ricetta

Rp/ ⟦Augmentin 875 mg/125 mg⟧ cpr — 1 cpr ogni 12 ore per 7 giorni
Rp/ ⟦Rinazina⟧ spray nasale — 2 spruzzi per narice 2 volte al giorno per max 5 giorni
Rp/ ⟦Tachipirina 1000 mg⟧ — al bisogno, max 3 al dì

Diagnosi: ⟦rinosinusite acuta batterica⟧
Lavaggi nasali con soluzione salina ipertonica.
""",
    ),
    (
        "P",
        "email",
        "hr_frattura_piede",
        """
Oggetto: assenza magazzino — aggiornamento

Ciao Giulia,

ti confermo che il collega del turno pomeridiano ha inviato il certificato medico INPS: prognosi di 30 giorni. Si è ⟦fratturato il quinto metatarso⟧ del piede sinistro scendendo dal muletto (non in servizio, era a casa) e porta il ⟦gesso⟧. Al rientro probabilmente servirà un periodo senza turni in piedi, ne parliamo con il medico competente.

Per favore, la causa dell'assenza tienila riservata.

Grazie,
Stefano
""",
    ),
    (
        "P",
        "chat",
        "chat_talassemia_minor",
        """
ciao, dalle analisi è venuto fuori che ho l'⟦anemia mediterranea⟧ (⟦talassemia minor⟧), ⟦emoglobina 11,2⟧ e ⟦MCV 64⟧. il medico dice che non è niente di grave ma che se voglio avere figli anche il mio ragazzo deve fare l'⟦elettroforesi dell'emoglobina⟧. devo prendere il ferro? mia zia dice di sì ma ho letto che può fare male
""",
    ),
    (
        "P",
        "forum_post",
        "forum_padre_sla",
        """
Ciao a tutti, scrivo per mio papà che ha la ⟦SLA⟧ da tre anni. Da sei mesi ha la ⟦PEG⟧ perché ⟦non riusciva più a deglutire⟧ e di notte usa la ⟦ventilazione non invasiva⟧. Adesso il pneumologo parla di ⟦tracheostomia⟧ e lui non vuole. Comunica con il ⟦puntatore oculare⟧. Qualcuno ha affrontato questa scelta in famiglia? Come avete fatto con le DAT? Grazie, è un periodo durissimo.
""",
    ),
    (
        "P",
        "handover",
        "consegne_turp",
        """
Consegne notte — Urologia, letto 7
Pz 1^ giornata post ⟦TURP⟧ per ⟦IPB⟧. ⟦Irrigazione vescicale continua⟧ in corso, ⟦urine rosate chiare⟧, nessun coagulo nelle ultime 4 h. ⟦PA 135/80⟧, ⟦FC 76⟧, apiretico. Ha chiesto ⟦antidolorifico⟧ alle 23 per ⟦spasmi vescicali⟧: somministrato ⟦paracetamolo 1 g⟧ ev. Riprende ⟦Cardioaspirina⟧ da domani su indicazione del chirurgo. Da rivalutare rimozione CV in 2^ giornata.
""",
    ),
    (
        "P",
        "lab_result",
        "referto_esami_stanchezza",
        """
REFERTO ESAMI DI LABORATORIO
Emocromo: ⟦Hb 12,9 g/dl⟧, ⟦GB 6.800⟧, ⟦PLT 245.000⟧
Ferritina ............ ⟦14 ng/ml⟧ (v.n. 15-150)
Vitamina D (25-OH) ... ⟦11 ng/ml⟧ (carenza < 20)
Vitamina B12 ......... ⟦180 pg/ml⟧ (v.n. 200-900)
TSH .................. ⟦4,9 µUI/ml⟧ (v.n. 0,4-4,0)
Nota del medico: "⟦carenza di ferro, vitamina D e B12⟧; ⟦TSH ai limiti⟧, ripetere con ⟦FT4⟧ e ⟦anticorpi anti-TPO⟧."
""",
    ),
    (
        "P",
        "referral_letter",
        "invio_reumatologo_psoriasica",
        """
Gentile Collega,

invio alla Sua cortese attenzione il sig. di 44 anni, affetto da ⟦psoriasi volgare⟧ da circa 15 anni, che da 4 mesi lamenta ⟦dolore e tumefazione⟧ del II e III dito del piede dx (⟦dattilite⟧)
 e ⟦lombalgia infiammatoria⟧ con ⟦rigidità mattutina⟧ > 30 minuti. ⟦VES 38⟧, ⟦PCR 2,3 mg/dl⟧, ⟦FR negativo⟧, ⟦HLA-B27 positivo⟧. Sospetto ⟦artrite psoriasica⟧. Attualmente assume ⟦ibuprofene⟧ al bisogno con scarso beneficio.

Grazie per la collaborazione, cordiali saluti.
""",
    ),
    (
        "P",
        "therapy_note",
        "serd_gioco_azzardo",
        """
SerD — Ambulatorio gioco d'azzardo patologico, colloquio n. 7
Utente in carico per ⟦disturbo da gioco d'azzardo⟧ (slot e scommesse online), debiti per circa 40.000 €. Riferisce un ⟦episodio di ricaduta⟧ la scorsa settimana (giocati 600 € in una sera) dopo una lite con la moglie. ⟦Umore deflesso⟧, ⟦insonnia⟧; ⟦SOGS 14⟧. Ha attivato l'autoesclusione dai siti. Si rinnova l'invio allo psichiatra per valutazione farmacologica (⟦sintomi depressivi⟧), si concorda tutela economica con l'amministratore familiare. Gruppo GA il giovedì.
""",
    ),
    (
        "P",
        "school_note",
        "pdp_dsa",
        """
Piano Didattico Personalizzato (estratto)
L'alunno presenta una diagnosi di ⟦Disturbo Specifico dell'Apprendimento⟧: ⟦dislessia⟧ e ⟦discalculia⟧ (certificazione ai sensi della L. 170/2010 rilasciata dalla NPI dell'ASL), con ⟦lettura lenta e scorretta⟧ e ⟦difficoltà nel calcolo a mente⟧.
Strumenti compensativi: calcolatrice, mappe concettuali, sintesi vocale.
Misure dispensative: lettura ad alta voce, tempi aggiuntivi del 30 % nelle verifiche, valutazione dei contenuti e non della forma nelle prove scritte.
""",
    ),
    (
        "P",
        "dental_note",
        "dentista_perimplantite",
        """
Pz ⟦diabetico tipo 2⟧ (⟦HbA1c 8,1%⟧), ⟦ex fumatore⟧, portatore di ⟦impianto in 46⟧ dal 2017. Lamenta ⟦sanguinamento⟧ e ⟦gonfiore⟧ intorno all'impianto. ⟦Sondaggio 7 mm⟧ con ⟦suppurazione⟧, ⟦RX: perdita ossea crestale di circa 4 mm⟧. Diagnosi: ⟦perimplantite⟧. Tp: ⟦debridement⟧ non chirurgico, ⟦clorexidina 0,2%⟧, ⟦amoxicillina 1 g⟧ x 2 per 7 gg. Consigliato compenso glicemico con il MMG. Rivalutazione a 6 settimane, eventuale ⟦chirurgia rigenerativa⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "mst_condilomi",
        """
Ambulatorio MST — Dermatologia
Pz di 24 aa con ⟦condilomi acuminati⟧ perianali e al ⟦solco balano-prepuziale⟧ (⟦HPV⟧), comparsi da 2 mesi. Eseguita ⟦crioterapia⟧ con azoto liquido; prescritto ⟦imiquimod 5% crema⟧ 3 volte/settimana. Proposti ⟦test HIV⟧, ⟦sifilide⟧, ⟦epatiti⟧: il pz accetta, prelievo eseguito. Consigliata ⟦vaccinazione anti-HPV⟧ e visita della partner.
""",
    ),
    (
        "P",
        "clinical_note",
        "ecografia_primo_trimestre",
        """
Ecografia ostetrica del I trimestre + ⟦test combinato⟧
⟦Gravidanza singola⟧ in utero, ⟦CRL 62 mm⟧ corrispondente a ⟦12+4 settimane⟧. ⟦BCF presente⟧. ⟦Translucenza nucale 1,6 mm⟧. ⟦Osso nasale presente⟧. ⟦Bi-test: free β-hCG 1,1 MoM, PAPP-A 0,9 MoM⟧. ⟦Rischio trisomia 21: 1:8.500⟧ (basso). Paziente ⟦secondigravida⟧, ⟦pregresso aborto spontaneo⟧ a 8 settimane. Prossimo controllo: ⟦morfologica⟧ a 20 settimane.
""",
    ),
    (
        "P",
        "clinical_note",
        "serd_cannabis_alcol",
        """
SerD — prima visita
Ragazzo di 19 anni accompagnato dalla madre dopo ⟦accesso in PS per intossicazione alcolica⟧ (⟦alcolemia 2,1 g/l⟧). Riferisce uso quotidiano di ⟦cannabis⟧ da 3 anni (circa ⟦2 g/die⟧) e ⟦binge drinking⟧ nel fine settimana. ⟦Ansia sociale⟧ e ⟦calo del rendimento scolastico⟧. ⟦Esame urine: THC positivo⟧. Si propone percorso psicologico individuale e gruppo per giovani consumatori; ⟦valutazione psichiatrica⟧ per la componente ansiosa.
""",
    ),
    (
        "P",
        "insurance_claim",
        "rimborso_cataratta",
        """
Richiesta di rimborso — Fondo sanitario integrativo
Tipo di prestazione: ⟦intervento chirurgico di cataratta⟧ (⟦facoemulsificazione con impianto di IOL⟧) occhio destro, in regime ambulatoriale
Diagnosi: ⟦cataratta senile⟧ nucleare OD, ⟦visus 3/10⟧
Documentazione allegata: fattura della struttura, prescrizione dell'oculista, relazione operatoria.
Importo richiesto: 2.400,00 €
""",
    ),
]
IT_DEV += [
    (
        "N",
        "question",
        "q_hashimoto_cosa",
        """
Cos'è la tiroidite di Hashimoto e perché colpisce soprattutto le donne? È vero che bisogna togliere il glutine o è una leggenda?
""",
    ),
    (
        "N",
        "leaflet",
        "bugiardino_tachipirina",
        """
FOGLIO ILLUSTRATIVO: INFORMAZIONI PER L'UTILIZZATORE
Paracetamolo 500 mg compresse
Che cos'è e a cosa serve: contiene paracetamolo, un analgesico e antipiretico. Si usa per il trattamento sintomatico degli stati febbrili (influenza, malattie esantematiche, affezioni acute del tratto respiratorio) e dei dolori di varia natura (mal di testa, nevralgie, dolori mestruali).
Non usi questo medicinale se ha una grave insufficienza epatica o una grave anemia emolitica.
""",
    ),
    (
        "N",
        "news",
        "notizia_west_nile",
        """
West Nile, salgono a 38 i casi in Veneto
Secondo l'ultimo bollettino dell'Istituto Superiore di Sanità, i casi di infezione da West Nile virus nell'uomo segnalati dall'inizio della stagione sono 38 in Veneto e 54 in tutta Italia, di cui 21 nella forma neuro-invasiva. Le autorità raccomandano l'uso di repellenti e zanzariere e ricordano che la maggior parte delle infezioni decorre senza sintomi.
""",
    ),
    (
        "N",
        "guideline",
        "lg_scompenso",
        """
Raccomandazione 7 — Nei pazienti con scompenso cardiaco a frazione di eiezione ridotta (FE ≤ 40 %) sintomatici, si raccomanda la terapia con le quattro classi farmacologiche fondamentali: ACE-inibitore/ARNI, beta-bloccante, antagonista dei recettori dei mineralcorticoidi e inibitore SGLT2, salvo controindicazioni o intolleranza, con titolazione progressiva alle dosi massime tollerate.
""",
    ),
    (
        "N",
        "job_ad",
        "annuncio_oss_rsa",
        """
Cercasi OSS per RSA in provincia di Bergamo — 120 posti letto
Mansioni: igiene e cura della persona, mobilizzazione degli ospiti non autosufficienti, aiuto nell'alimentazione degli ospiti con disfagia, collaborazione con infermieri e fisioterapisti. Requisiti: qualifica OSS, disponibilità su turni anche notturni. Si offre contratto CCNL RSA, mensa interna.
""",
    ),
    (
        "N",
        "chat",
        "fig_riunione_tortura",
        """
questa riunione è stata una tortura, mi è venuto l'esaurimento. il nuovo gestionale mi fa venire l'orticaria solo a guardarlo 😤
""",
    ),
    (
        "N",
        "email",
        "fig_progetto_coma",
        """
Ragazzi, il progetto del nuovo sito è in coma farmacologico da settembre. Il fornitore ci ha dato la diagnosi (mancano i contenuti) ma nessuna cura. Se entro venerdì non arriva il materiale dal marketing, stacchiamo la spina e rimandiamo a gennaio.
""",
    ),
    (
        "N",
        "vet_note",
        "vet_gatto_fiv",
        """
Referto ambulatorio veterinario
Gatto europeo, maschio intero, circa 6 anni, randagio adottato. Gengivostomatite cronica, calo ponderale, linfonodi reattivi. Test rapido FIV positivo, FeLV negativo.
Terapia: estrazioni dentarie programmate, meloxicam a basso dosaggio, alimentazione umida. Consigliata castrazione e vita esclusivamente in casa.
""",
    ),
    (
        "N",
        "policy",
        "polizza_infortuni",
        """
Art. 9 — Rischi esclusi
Sono esclusi dall'assicurazione gli infortuni: causati da stato di ubriachezza o sotto l'influenza di stupefacenti non assunti a scopo terapeutico; derivanti dalla pratica di sport aerei, paracadutismo, immersioni oltre i 40 metri; le ernie di qualsiasi natura; le malattie mentali e i disturbi psichici in genere, compresi i comportamenti nevrotici.
""",
    ),
    (
        "N",
        "code",
        "code_prenotazione_cup",
        """
def calcola_priorita(ricetta: dict) -> str:
    \"\"\"Classe di priorità della prescrizione (U, B, D, P) → giorni massimi di attesa.\"\"\"
    giorni = {"U": 3, "B": 10, "D": 30, "P": 120}
    classe = ricetta.get("priorita", "P")
    if classe not in giorni:
        raise ValueError(f"priorità non valida: {classe}")
    return f"entro {giorni[classe]} giorni"
""",
    ),
    (
        "N",
        "abstract",
        "abstract_coorte_covid",
        """
Introduzione: la sindrome post-COVID è stata descritta in una quota variabile di soggetti dopo l'infezione acuta. Metodi: studio di coorte prospettico su 1.850 adulti seguiti dopo ricovero per COVID-19 in tre ospedali lombardi. Risultati: a 12 mesi il 32 % riferiva almeno un sintomo persistente, più frequentemente astenia (21 %), dispnea (14 %) e disturbi cognitivi (9 %). Il sesso femminile e la ventilazione invasiva erano associati a un rischio maggiore.
""",
    ),
    (
        "V",
        "vignette",
        "caso_tirocinio_appendicite",
        """
Un ragazzo di 17 anni giunge in Pronto Soccorso per ⟦dolore addominale⟧ iniziato in ⟦regione periombelicale⟧ e poi ⟦localizzato in fossa iliaca destra⟧, accompagnato da ⟦nausea⟧ e ⟦febbricola (37,8 °C)⟧. All'esame obiettivo ⟦segno di Blumberg positivo⟧. ⟦GB 14.500/mm³⟧ con ⟦neutrofilia⟧. Quale esame strumentale è indicato come primo approccio?
""",
    ),
]

# =============================================================================================
# ITALIAN - HELDOUT
# =============================================================================================
IT_HELD = [
    (
        "P",
        "clinical_note",
        "ps_sincope_bav",
        """
PRONTO SOCCORSO — Verbale (estratto)
Anamnesi: pz di 81 aa portata dal 118 per ⟦sincope⟧ mentre era in fila al supermercato, ⟦trauma cranico minore⟧ con ⟦ferita lacero-contusa frontale⟧. Riferisce ⟦astenia⟧ e ⟦dispnea da sforzo⟧ nelle ultime settimane. In tp con ⟦bisoprololo 2,5 mg⟧ per ⟦ipertensione⟧.
EO: ⟦FC 34 bpm⟧, ⟦PA 100/60⟧. ECG: ⟦BAV di III grado⟧ con ⟦ritmo di scappamento giunzionale⟧. ⟦TC encefalo⟧ negativa per lesioni acute.
Decorso: sospeso beta-bloccante, ⟦isoprenalina⟧ in infusione, ⟦pacing transcutaneo⟧ in stand-by. Consulenza cardiologica: indicazione a ⟦impianto di PM definitivo⟧ bicamerale.
""",
    ),
    (
        "P",
        "discharge_summary",
        "lettera_dimissione_diverticolite",
        """
LETTERA DI DIMISSIONE — U.O. Chirurgia Generale

Diagnosi alla dimissione: ⟦diverticolite acuta del sigma complicata⟧ (⟦ascesso pericolico di 3 cm⟧, ⟦Hinchey Ib⟧).
Anamnesi: ⟦diverticolosi⟧ nota da ⟦colonscopia⟧ 2020; ⟦obesità⟧; ⟦steatosi epatica⟧.
Decorso: ricoverato per ⟦dolore in fossa iliaca sinistra⟧ e ⟦febbre⟧ (⟦GB 16.900⟧, ⟦PCR 21 mg/dl⟧). ⟦TC addome con mdc⟧ come sopra. Trattato con ⟦digiuno⟧, ⟦piperacillina/tazobactam⟧ ev, con buona risposta clinica; non necessario ⟦drenaggio percutaneo⟧ (ascesso ridotto a 1,5 cm al controllo TC).
Terapia a domicilio: ⟦amoxicillina/clavulanato 1 g⟧ x 3/die per 7 giorni; dieta progressiva. ⟦Colonscopia⟧ di controllo fra 6-8 settimane; valutazione per ⟦sigmoidectomia⟧ in elezione.
""",
    ),
    (
        "P",
        "handover",
        "consegne_rsa_disfagia",
        """
Consegne pomeriggio — RSA, nucleo Alzheimer
Ospite stanza 14: ⟦demenza di grado severo⟧, ⟦disfagia per i liquidi⟧ → acqua gelificata, dieta cremosa. Oggi ⟦ha tossito durante il pranzo⟧, ⟦SpO2 93 %⟧, ⟦T 37,6⟧: avvisato il medico, da monitorare per ⟦polmonite ab ingestis⟧. ⟦Lesione da pressione al tallone sx⟧ (⟦stadio 2⟧), medicata con schiuma di poliuretano. ⟦Agitazione serale⟧: al bisogno ⟦quetiapina 25 mg⟧, non somministrata. Alvo aperto.
""",
    ),
    (
        "P",
        "text_message",
        "whatsapp_sorella_mono",
        """
ciao ma', la Sara ha la ⟦mononucleosi⟧ 🙄 le hanno fatto gli ⟦esami⟧ stamattina, ha le ⟦transaminasi un po' alte⟧ e la ⟦milza ingrossata⟧, niente sport per un mese. sta a letto con la ⟦febbre⟧ e
 ⟦mal di gola⟧ fortissimo, il medico le ha dato ⟦Tachipirina⟧ e basta. domani passi tu a portarle il brodo?
""",
    ),
    (
        "P",
        "email",
        "hr_ernia_inguinale",
        """
Oggetto: comunicazione assenza programmata

Buongiorno,

vi informo che il responsabile dell'officina sarà assente dal 18 per circa tre settimane: deve sottoporsi a un ⟦intervento di ernioplastica⟧ per un'⟦ernia inguinale⟧ destra, che gli impedisce già da un po' di sollevare carichi. Il certificato di malattia verrà trasmesso telematicamente dal medico curante come di consueto. Le sue mansioni saranno coperte dal vice.

Chiedo riservatezza sul motivo dell'assenza.

Cordiali saluti,
Ufficio Personale
""",
    ),
    (
        "P",
        "prescription",
        "ricetta_dematerializzata_cardio",
        """
PROMEMORIA PER L'ASSISTITO — Ricetta elettronica
Prescrizione: ⟦CARDIOASPIRIN 100 mg⟧ 30 cpr gastroresistenti — 1 confezione
Prescrizione: ⟦LASIX 25 mg⟧ 30 cpr — 2 confezioni
Prescrizione: ⟦PANTORC 20 mg⟧ 14 cpr — 1 confezione
Esenzione: 0A02 (⟦malattie cardiache e del circolo polmonare⟧)
Quesito diagnostico: ⟦cardiopatia ischemica cronica⟧, ⟦scompenso cardiaco⟧
""",
    ),
    (
        "P",
        "sick_note",
        "esonero_ed_fisica_scoliosi",
        """
CERTIFICATO MEDICO

Si certifica che la studentessa della classe 2ªB è affetta da ⟦scoliosi dorso-lombare⟧ (⟦angolo di Cobb 28°⟧) in trattamento con ⟦corsetto ortopedico⟧ per 20 ore al giorno. Si richiede l'esonero parziale dalle attività di educazione fisica che comportino salti, corsa prolungata e carichi assiali, per l'intero anno scolastico. Sono invece consigliati nuoto e ⟦ginnastica posturale⟧.

In fede, il medico curante
""",
    ),
    (
        "P",
        "lab_result",
        "referto_hiv_conferma",
        """
Laboratorio di Microbiologia — Referto
Test di screening ⟦HIV Ag/Ab (IV generazione)⟧: ⟦REATTIVO⟧
Test di conferma (immunoblot): ⟦POSITIVO per HIV-1⟧
⟦HIV-1 RNA⟧: ⟦86.400 copie/ml⟧
Il referto viene consegnato esclusivamente dal medico dell'ambulatorio di Malattie Infettive durante il colloquio dedicato. L'utente è stato contattato telefonicamente per l'appuntamento.
""",
    ),
    (
        "P",
        "clinical_note",
        "villocentesi_trisomia",
        """
Ambulatorio di Diagnosi Prenatale — colloquio post-esame
Gestante di 39 aa, ⟦13+2 settimane⟧, sottoposta a ⟦villocentesi⟧ per ⟦NIPT ad alto rischio per trisomia 21⟧. Risultato del ⟦cariotipo fetale⟧: ⟦47,XY,+21⟧, ⟦trisomia 21 libera⟧. Comunicato alla coppia in presenza della psicologa. Illustrate le possibilità: prosecuzione della gravidanza con presa in carico cardiologica fetale (⟦ecocardiografia fetale⟧ a 20 settimane) oppure ⟦interruzione volontaria della gravidanza⟧ ai sensi della L. 194/78. La coppia chiede tempo; nuovo colloquio fissato fra 3 giorni.
""",
    ),
    (
        "P",
        "clinical_note",
        "ivg_consultorio",
        """
Consultorio familiare — certificato ai sensi dell'art. 5 L. 194/78
Donna di 31 aa, ⟦amenorrea di 7 settimane⟧, ⟦test di gravidanza positivo⟧, ⟦ecografia: camera gestazionale intrauterina con embrione, CRL 9 mm⟧. Richiede ⟦IVG⟧. Colloquio effettuato; rilasciato il documento, invito a soprassedere 7 giorni. Orientata verso ⟦IVG farmacologica⟧ (⟦mifepristone⟧ + ⟦misoprostolo⟧) presso l'ospedale di riferimento. ⟦Gruppo 0 Rh negativo⟧. Counselling contraccettivo: desidera la ⟦pillola⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "onco_gastrico",
        """
Visita oncologica — discussione multidisciplinare
⟦Adenocarcinoma gastrico⟧ dell'antro, ⟦tipo intestinale sec. Lauren⟧, ⟦HER2 negativo⟧, ⟦MSS⟧, ⟦cT3 N1 M0⟧ (⟦TC⟧ e ⟦ecoendoscopia⟧). ⟦Calo ponderale 7 kg⟧, ⟦Hb 9,8⟧ per ⟦stillicidio ematico⟧. Programma: ⟦chemioterapia perioperatoria FLOT⟧ 4 cicli → ⟦gastrectomia subtotale⟧ con linfoadenectomia D2 → FLOT 4 cicli. Posizionamento ⟦port-a-cath⟧ la prossima settimana. Supporto nutrizionale avviato, ⟦ferro ev⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "disassuefazione_bdz",
        """
Ambulatorio di psichiatria — visita di controllo
Pz in ⟦disassuefazione da benzodiazepine⟧: assumeva fino a ⟦80 gocce di Lormetazepam⟧ + ⟦Xanax 1 mg⟧ x 3/die da anni, per ⟦insonnia cronica⟧ e ⟦ansia⟧. Sostituzione con ⟦diazepam⟧ equivalente e scalaggio del 10 % ogni 2 settimane: ora ⟦diazepam 12 mg⟧/die. Riferisce ⟦irritabilità⟧ e ⟦sonno frammentato⟧, nessuna crisi comiziale. Prosegue ⟦CBT-I⟧ con la psicologa. Prossimo scalaggio fra 15 giorni.
""",
    ),
    (
        "P",
        "csv",
        "csv_reparto_medicina",
        """
letto;eta;diagnosi_principale;comorbidita;note
1;88;⟦polmonite ab ingestis⟧;⟦Parkinson⟧;⟦dieta cremosa⟧
2;74;⟦scompenso cardiaco⟧;⟦FA⟧, ⟦IRC⟧;peso quotidiano
3;69;⟦ictus ischemico⟧;⟦DM2⟧;⟦disfagia⟧, ⟦SNG⟧
4;92;⟦frattura di femore⟧;⟦demenza⟧;⟦delirium⟧ notturno
5;57;⟦cirrosi alcolica⟧;⟦varici esofagee⟧;⟦paracentesi⟧ domani
""",
    ),
    (
        "P",
        "chat",
        "chat_candida_ovuli",
        """
ragazze ho di nuovo la ⟦candida⟧ 😩 ⟦prurito⟧ pazzesco e ⟦perdite bianche⟧, il gine mi ha dato gli ⟦ovuli di clotrimazolo⟧ e una crema ma è la terza volta in 6 mesi. può essere che sia per l'⟦antibiotico⟧ che ho preso per la ⟦cistite⟧?? anche il mio ragazzo deve curarsi??
""",
    ),
    (
        "P",
        "forum_post",
        "forum_figlio_down",
        """
Buongiorno a tutti, sono la mamma di Pietro, 8 mesi, con ⟦sindrome di Down⟧. È nato con un ⟦difetto del setto atrioventricolare⟧ e a fine mese lo ⟦operano al cuore⟧ al Bambino Gesù. Nel frattempo prende ⟦Lasix⟧ e ⟦Aldactone⟧ e ⟦cresce poco⟧ (fa fatica a finire il biberon, lo ⟦alimentiamo col sondino⟧ di notte). Qualcuno ha vissuto lo stesso intervento? Quanto tempo siete rimasti in terapia intensiva?
""",
    ),
]
IT_HELD += [
    (
        "N",
        "question",
        "q_vaccino_antinfluenzale",
        """
Come funziona il vaccino antinfluenzale? Perché va rifatto ogni anno e quanto tempo ci mette a proteggere dopo l'iniezione?
""",
    ),
    (
        "N",
        "leaflet",
        "foglio_alprazolam",
        """
Foglio illustrativo — Alprazolam 0,50 mg compresse (estratto)
Indicazioni: trattamento dei sintomi dell'ansia. Le benzodiazepine sono indicate soltanto quando il disturbo è grave, disabilitante o sottopone il soggetto a grave disagio.
Dipendenza: l'uso di benzodiazepine può condurre allo sviluppo di dipendenza fisica e psichica. Il rischio aumenta con la dose e la durata del trattamento ed è maggiore in pazienti con una storia di abuso di alcool o di droghe.
Non guidare veicoli: il medicinale può causare sonnolenza.
""",
    ),
    (
        "N",
        "news",
        "istat_aspettativa_vita",
        """
Italia: l'aspettativa di vita torna ai livelli pre-pandemia
Secondo le stime ISTAT, la speranza di vita alla nascita è di 83,4 anni (81,4 per gli uomini e 85,5 per le donne). Le malattie del sistema circolatorio restano la prima causa di morte, seguite dai tumori. In calo i decessi per COVID-19, mentre aumentano quelli legati alle demenze, in linea con l'invecchiamento della popolazione.
""",
    ),
    (
        "N",
        "guideline",
        "lg_screening_mammografico",
        """
Programma di screening mammografico regionale: le donne di età compresa tra 45 e 74 anni residenti in regione ricevono una lettera di invito per eseguire una mammografia gratuita — ogni anno tra 45 e 49 anni, ogni due anni tra 50 e 74. In caso di esito dubbio la donna viene richiamata per approfondimenti (ecografia, ulteriori proiezioni, eventuale biopsia).
""",
    ),
    (
        "N",
        "job_ad",
        "annuncio_guardia_medica",
        """
ASL ricerca medici per incarichi di Continuità Assistenziale (ex guardia medica) — turni notturni, prefestivi e festivi nelle sedi di zona montana. Requisiti: laurea in Medicina e Chirurgia, abilitazione, iscrizione all'Ordine. Compenso orario secondo ACN, rimborso chilometrico. Domande entro il 15 del mese tramite PEC.
""",
    ),
    (
        "N",
        "chat",
        "fig_mi_viene_un_colpo",
        """
mi viene un colpo se il fornitore sbaglia un'altra volta la consegna. ho il fegato marcio per questo cliente, giuro 🙄 e il server oggi ha pure la febbre, 90 gradi di CPU
""",
    ),
    (
        "N",
        "vet_note",
        "vet_cane_epilessia",
        """
Cane, Border Collie, maschio, 3 anni, 19 kg. Tre episodi di crisi convulsive generalizzate negli ultimi due mesi, della durata di circa 1 minuto, con fase post-ictale di disorientamento. Esami ematochimici e acidi biliari nella norma; RM encefalo e liquor senza alterazioni.
Diagnosi: epilessia idiopatica (livello di confidenza II). Terapia: fenobarbitale 2,5 mg/kg ogni 12 ore; dosaggio del farmaco a 15 giorni. Diario delle crisi ai proprietari.
""",
    ),
    (
        "N",
        "code",
        "xml_cda_template",
        """
<!-- Template CDA2 — Lettera di dimissione ospedaliera (sezione Diagnosi), senza dati reali -->
<section>
  <code code="11535-2" codeSystem="2.16.840.1.113883.6.1" displayName="Diagnosi di dimissione"/>
  <title>Diagnosi alla dimissione</title>
  <entry>
    <observation classCode="OBS" moodCode="EVN">
      <value xsi:type="CD" code="{codice ICD-9-CM}" codeSystem="2.16.840.1.113883.6.103" displayName="{descrizione}"/>
    </observation>
  </entry>
</section>
""",
    ),
    (
        "N",
        "faq",
        "faq_cup_prenotazione",
        """
Come prenoto una visita specialistica? Serve l'impegnativa del medico di famiglia (ricetta dematerializzata) con il codice NRE. Può prenotare al CUP telefonico, in farmacia o online sul portale regionale. La classe di priorità indicata sulla ricetta (U, B, D, P) stabilisce il tempo massimo di attesa. Per disdire, almeno 48 ore prima, altrimenti è dovuto il ticket.
""",
    ),
    (
        "N",
        "plot_summary",
        "trama_romanzo_tbc",
        """
Trama: Nel sanatorio immaginario di Valdiluce, nel 1938, il giovane maestro Aurelio — personaggio d'invenzione — viene ricoverato per tubercolosi e stringe amicizia con una pittrice inglese e un vecchio anarchico. Tra cure d'aria, pneumotorace e lunghe conversazioni, il romanzo racconta un'Italia sospesa alla vigilia della guerra.
""",
    ),
    (
        "N",
        "textbook",
        "dispensa_fisiologia_renale",
        """
Fisiologia renale — appunti della lezione 12
La velocità di filtrazione glomerulare (VFG) normale è di circa 120 ml/min/1,73 m². Si stima con formule (CKD-EPI) basate sulla creatinina sierica, età e sesso. Una VFG < 60 per più di tre mesi definisce la malattia renale cronica. L'albuminuria (rapporto albumina/creatinina > 30 mg/g) è un marcatore precoce di danno, soprattutto nel diabete e nell'ipertensione.
""",
    ),
    (
        "V",
        "vignette",
        "caso_tirocinio_addome_gravidanza",
        """
Una donna di 27 anni si presenta con ⟦dolore addominale in fossa iliaca sinistra⟧ e ⟦perdite ematiche vaginali⟧ scarse. ⟦Ultima mestruazione 7 settimane fa⟧. ⟦β-hCG 3.200 mUI/ml⟧. All'⟦ecografia transvaginale⟧ ⟦l'utero è vuoto⟧ e si evidenzia una ⟦massa annessiale sinistra con liquido libero nel Douglas⟧. ⟦PA 95/60 mmHg⟧, ⟦FC 112 bpm⟧. Qual è la diagnosi più probabile?
""",
    ),
]

# =============================================================================================
# DUTCH - DEV
# =============================================================================================
NL_DEV = [
    (
        "P",
        "soap_note",
        "soep_prostatitis",
        """
S: pt. sinds 3 dgn ⟦koorts⟧, ⟦pijn bij plassen⟧, ⟦frequente mictie⟧ en ⟦pijn in het perineum⟧. Geen eerdere UWI. Geen AB-allergie.
O: ⟦T 38,6⟧, ⟦RR 132/80⟧. Buik soepel, slagpijn nierloge neg. ⟦RT: gezwollen, pijnlijke prostaat⟧. ⟦Urine: nitriet +, leuko +++⟧. Kweek ingezet.
E: ⟦acute bacteriële prostatitis⟧
P: ⟦ciprofloxacine 500 mg⟧ 2dd 14 dgn (na kweekuitslag evt. aanpassen), ⟦paracetamol⟧ z.n., ruim drinken. Bij koude rillingen/verslechtering direct bellen. Controle na 2 wk.
""",
    ),
    (
        "P",
        "prescription",
        "herhaalrecept_apotheek",
        """
Herhaalservice — aanvraag via de app
Medicatie:
• ⟦Omeprazol 20 mg⟧ maagsapresistent, 1x daags — 90 stuks
• ⟦Metoprolol retard 50 mg⟧, 1x daags — 90 stuks
• ⟦Salbutamol 100 mcg⟧ inhalator — 1 stuks
Opmerking patiënt: "De metoprolol helpt goed tegen de ⟦hartkloppingen⟧, maar ik ben wel snel ⟦moe⟧. Kan de huisarts daar even naar kijken bij de volgende controle?"
Afhalen: apotheek De Linde, na 2 werkdagen.
""",
    ),
    (
        "P",
        "email",
        "verzuim_reintegratie_borstkanker",
        """
Onderwerp: Re-integratieplan — vertrouwelijk

Beste Monique,

Zoals besproken met de bedrijfsarts start onze collega van de klantenservice na haar ⟦behandeling voor borstkanker⟧ (⟦operatie⟧, ⟦chemo⟧ en ⟦bestraling⟧) volgende maand met re-integratie: 2 x 3 uur per week, op te bouwen in overleg. Ze heeft nog last van ⟦vermoeidheid⟧ en ⟦concentratieproblemen⟧, dus graag geen telefoondiensten in de eerste weken. Ze gebruikt nog ⟦tamoxifen⟧ en gaat op woensdag naar ⟦oncologische revalidatie⟧.

Wil je dit alleen met de teamleider delen?

Groet,
Ahmed (HR)
""",
    ),
    (
        "P",
        "chat",
        "chat_pds_fodmap",
        """
hoi! mijn huisarts zegt dat ik ⟦PDS⟧ heb (⟦prikkelbare darm⟧), ik heb heel vaak ⟦buikkrampen⟧ en ⟦opgeblazen gevoel⟧ na het eten en afwisselend ⟦diarree⟧ en ⟦verstopping⟧. ze noemde iets met een FODMAP-dieet?? wat mag ik dan nog eten, ik eet elke ochtend brood met pindakaas en een appel
""",
    ),
    (
        "P",
        "forum_post",
        "forum_moeder_ms",
        """
Hoi allemaal, mijn moeder (54) heeft sinds 10 jaar ⟦MS⟧, eerst ⟦relapsing-remitting⟧ maar de neuroloog zegt nu dat het ⟦secundair progressief⟧ is geworden. Ze ⟦loopt steeds slechter⟧ (rollator binnen, ⟦rolstoel⟧ buiten) en heeft ⟦blaasproblemen⟧. Ze is net gestart met ⟦siponimod⟧. Heeft iemand ervaring daarmee? En tips voor aanpassingen in huis, traplift etc.? Ik probeer haar zoveel mogelijk te helpen maar ik woon 2 uur rijden weg.
""",
    ),
    (
        "P",
        "handover",
        "overdracht_delier_heup",
        """
Overdracht avond → nacht, afd. geriatrie kamer 5
Mw., 2e dag na ⟦kophals-prothese⟧ re. heup na ⟦val⟧ thuis. Vanmiddag ⟦delirant⟧: ⟦onrustig⟧, ⟦plukken aan infuus⟧, ⟦hallucinaties⟧ (ziet katten). ⟦DOS-score 6⟧. ⟦Haloperidol 0,5 mg⟧ om 18:00 gegeven, nu rustiger. ⟦Urinesediment⟧ afgenomen, uitslag volgt — ⟦verdenking UWI⟧. ⟦Obstipatie⟧ sinds opname: ⟦Movicolon⟧ gestart. Bedhek uit, laag bed + sensormat. Familie weet ervan, dochter komt morgen.
""",
    ),
    (
        "P",
        "lab_result",
        "uitslag_glucose_huisarts",
        """
Bericht van uw huisartsenpraktijk via MijnGezondheid.net:
Beste meneer, de uitslag van uw bloedonderzoek is binnen. Uw ⟦nuchtere glucose was 7,9 mmol/l⟧ en uw ⟦HbA1c 58 mmol/mol⟧. Dit past bij ⟦diabetes type 2⟧. Ook uw ⟦cholesterol⟧ is ⟦verhoogd⟧ (⟦LDL 4,1⟧). De praktijkondersteuner (POH) neemt deze week contact met u op voor een afspraak om de uitslag en de behandeling te bespreken.
Met vriendelijke groet, de assistente
""",
    ),
    (
        "P",
        "referral_letter",
        "verwijzing_cardioloog_angina",
        """
Verwijsbrief — Cardiologie (Zorgdomein)
Vraagstelling: graag analyse en behandeling van ⟦pijn op de borst bij inspanning⟧, vermoeden ⟦stabiele angina pectoris⟧.
Anamnese: 63-jarige man, sinds 2 maanden ⟦drukkend gevoel op de borst⟧ bij fietsen tegen de wind in, verdwijnt na 5 min rust. ⟦Roker⟧ (⟦35 pakjaren⟧), ⟦hypertensie⟧, vader overleden aan ⟦hartinfarct⟧ op 58-jarige leeftijd.
Medicatie: ⟦amlodipine 10 mg⟧, ⟦nitrospray⟧ z.n. (sinds vorige week, helpt).
Onderzoek: ⟦RR 158/94⟧, ⟦ECG in rust: geen afwijkingen⟧. ⟦Lab: LDL 4,6⟧.
""",
    ),
    (
        "P",
        "therapy_note",
        "psycholoog_depressie_gbgz",
        """
Sessieverslag GBGGZ — sessie 4 van 8
Cliënt komt met ⟦depressieve klachten⟧ (⟦somberheid⟧, ⟦anhedonie⟧, ⟦slecht slapen⟧) sinds verlies van baan. ⟦PHQ-9: 17⟧ (intake ⟦21⟧). Huisarts heeft ⟦sertraline 50 mg⟧ voorgeschreven, cliënt gebruikt dit nu 5 weken. Gewerkt aan gedragsactivatie: weekplanning met 3 plezierige activiteiten gehaald. Geen suïcidale gedachten. Volgende sessie: piekeren en G-schema's.
""",
    ),
    (
        "P",
        "school_note",
        "school_diabetes_kind",
        """
Beste juf Anouk,

Even een paar dingen voor het schoolreisje van donderdag. Zoals je weet heeft Daan ⟦diabetes type 1⟧. Hij heeft een ⟦insulinepomp⟧ en een ⟦sensor⟧; zijn waarden zie je ook in de app op de telefoon die in zijn rugzak zit. Als hij onder de 4 zit: 1 pakje ⟦Dextro⟧ + 15 min wachten. Bij veel rennen in de speeltuin kan hij sneller ⟦laag⟧ gaan. Wil je ons bellen als hij boven de 15 zit met ⟦hoofdpijn⟧ of ⟦misselijkheid⟧?

Dank je wel! Groetjes, Sanne (moeder van Daan)
""",
    ),
    (
        "P",
        "dental_note",
        "tandarts_wortelkanaal",
        """
Consult 21-03: pt. meldt zich met ⟦kloppende pijn⟧ linksboven sinds 5 dagen, ⟦wang licht gezwollen⟧. Element 26: ⟦diepe cariës⟧ onder oude amalgaamvulling, ⟦percussie +⟧, ⟦koude test negatief⟧. Rö: ⟦periapicale radiolucentie⟧ mesiale wortel. Diagnose ⟦apicale parodontitis⟧ met ⟦beginnend abces⟧ 26. Behandeling: trepanatie, start ⟦wortelkanaalbehandeling⟧, ⟦Ledermix⟧. ⟦Amoxicilline 500 mg⟧ 3dd 7 dagen i.v.m. zwelling. Anamnese: ⟦hartklepprothese⟧ (2019) — ⟦profylaxe⟧ volgens richtlijn gegeven.
""",
    ),
    (
        "P",
        "clinical_note",
        "soa_poli_chlamydia_trich",
        """
Centrum Seksuele Gezondheid — uitslaggesprek (telefonisch)
Uitslag: ⟦Chlamydia trachomatis positief⟧ (vaginaal), ⟦Trichomonas vaginalis positief⟧, ⟦gonorroe negatief⟧, ⟦hiv en syfilis negatief⟧. Cliënte heeft klachten van ⟦afscheiding⟧ en ⟦jeuk⟧. Behandeling: ⟦doxycycline 100 mg⟧ 2dd 7 dagen en ⟦metronidazol 500 mg⟧ 2dd 7 dagen; geen alcohol tijdens metronidazol. Partnerwaarschuwing besproken (1 vaste partner). Hertest over 3 maanden aangeraden.
""",
    ),
    (
        "P",
        "clinical_note",
        "verloskundige_28_weken",
        """
Verloskundigenpraktijk — controle
⟦AD 28+2⟧, ⟦G1P0⟧. Mw. is ⟦moe⟧ en ⟦kortademig bij traplopen⟧. ⟦Hb 6,3 mmol/l⟧ (bij intake ⟦7,6⟧) → ⟦ijzergebrek-anemie⟧, start ⟦ferrofumaraat 200 mg⟧ 1dd, controle Hb over 4 wkn. ⟦RR 118/70⟧. ⟦Fundus 28 cm⟧, ⟦hartactie foetus 140⟧, kind beweegt goed. ⟦Rhesus D negatief⟧ → ⟦anti-D⟧ vandaag gegeven. Bespreken geboorteplan volgende keer.
""",
    ),
    (
        "P",
        "clinical_note",
        "verslavingszorg_ghb",
        """
Verslavingszorg — opname klinische detox
Cliënt (26) met ⟦GHB-afhankelijkheid⟧, gebruik elke 1,5-2 uur, ook 's nachts; eerdere ⟦onthouding⟧ thuis leidde tot ⟦delier⟧ en ambulanceritten.
 Start ⟦farmaceutische GHB-titratie⟧ (⟦2,5 g⟧ per dosis, 8x/dag), afbouw in 10-14 dagen. Bijkomend: ⟦cannabisgebruik⟧ dagelijks, ⟦angstklachten⟧. ⟦Urinetest: GHB niet aantoonbaar (te kort), THC positief⟧. Nazorg: deeltijdbehandeling en herstelgroep.
""",
    ),
    (
        "P",
        "insurance_claim",
        "machtiging_fysio_knie",
        """
Aanvraag machtiging — aanvullende verzekering / chronische indicatie
Zorgverlener: fysiotherapiepraktijk Oost
Diagnose: ⟦status na voorste kruisbandreconstructie links⟧ (⟦VKB-reconstructie⟧) met ⟦meniscushechting⟧
Behandelplan: 36 behandelingen ⟦oefentherapie⟧ over 9 maanden; ⟦spierkracht quadriceps 70 %⟧ t.o.v. rechts, ⟦hydrops⟧ na belasting.
Verwachte uitkomst: terugkeer naar voetbal (niveau amateur) na hoptest-batterij > 90 %.
""",
    ),
]
NL_DEV += [
    (
        "N",
        "question",
        "q_griep_verkoudheid",
        """
Wat is eigenlijk het verschil tussen griep en een gewone verkoudheid? En wanneer moet je met koorts naar de huisarts bellen?
""",
    ),
    (
        "N",
        "leaflet",
        "bijsluiter_diclofenac",
        """
Bijsluiter: informatie voor de gebruiker
Diclofenac-natrium 50 mg, maagsapresistente tabletten
Waarvoor wordt dit middel gebruikt? Diclofenac is een ontstekingsremmende pijnstiller (NSAID). Het wordt gebruikt bij reumatische aandoeningen, jicht, pijn na een operatie, menstruatiepijn en migraine.
Wanneer mag u dit middel niet gebruiken? Als u een maagzweer heeft (gehad), als u hartfalen heeft, als u zwanger bent in de laatste 3 maanden.
Mogelijke bijwerkingen: maagpijn, misselijkheid, diarree, hoofdpijn, duizeligheid, huiduitslag.
""",
    ),
    (
        "N",
        "news",
        "rivm_kinkhoest",
        """
Kinkhoest blijft toenemen
Het aantal meldingen van kinkhoest is dit jaar verder gestegen, meldt het RIVM. Vooral baby's die nog niet (volledig) zijn gevaccineerd lopen risico op ernstige ziekte. Het RIVM roept zwangeren op om zich tussen 16 en 22 weken zwangerschap te laten vaccineren; de antistoffen gaan via de placenta naar het kind.
""",
    ),
    (
        "N",
        "guideline",
        "nhg_standaard_cva",
        """
NHG-Standaard — Beleid na een TIA
Start zo snel mogelijk met clopidogrel 75 mg 1 dd en een statine, tenzij er een indicatie is voor orale antistolling (bijvoorbeeld bij atriumfibrilleren). Streef naar een systolische bloeddruk < 140 mmHg. Verwijs patiënten met een TIA binnen 24 uur naar een TIA-poli of neuroloog. Bespreek het rijverbod: na een TIA mag iemand 2 weken geen auto rijden.
""",
    ),
    (
        "N",
        "job_ad",
        "vacature_wijkverpleegkundige",
        """
Vacature: Wijkverpleegkundige (niveau 5) — 24-32 uur
Als wijkverpleegkundige in ons zelfsturend team in Utrecht-Zuid indiceer je zorg, begeleid je cliënten met dementie, COPD of hartfalen thuis en werk je nauw samen met huisartsen en de POH-ouderen. Je hebt een HBO-V diploma en een BIG-registratie. Wij bieden: CAO VVT, leaseauto of e-bike, ruimte voor scholing.
""",
    ),
    (
        "N",
        "chat",
        "fig_kanker_vergadering",
        """
ik word echt ziek van die vergaderingen, elke dinsdag 2 uur voor niks. en dan dat kankerweer erbij, ik heb er de pest in
""",
    ),
    (
        "N",
        "chat",
        "fig_codebase_ziek",
        """
die codebase is gewoon ziek man, overal copy-paste. ik krijg er hoofdpijn van. wie heeft die migratie bedacht, die moet even opgenomen worden 😂
""",
    ),
    (
        "N",
        "vet_note",
        "dierenarts_kat_blaas",
        """
Kat, Brits korthaar, gecastreerde kater, 7 jaar, 6,1 kg. Eigenaar ziet kat vaak naar de bak gaan met kleine beetjes urine, soms wat bloed, plast ook naast de bak.
LO: blaas klein, pijnlijk bij palpatie, niet geblokkeerd. Urineonderzoek: hematurie, struvietkristallen, geen bacteriën.
Diagnose: FIC / idiopathische cystitis. Behandeling: meloxicam 0,05 mg/kg 5 dagen, natvoer, extra drinkfonteintje, stressreductie. Bij niet kunnen plassen direct terugkomen.
""",
    ),
    (
        "N",
        "policy",
        "polis_aanvullend",
        """
Artikel 14 — Alternatieve geneeswijzen en fysiotherapie
Vergoeding fysiotherapie uit de aanvullende verzekering: maximaal 18 behandelingen per kalenderjaar (Basis), 27 (Plus) of onbeperkt (Top). Voor aandoeningen op de Lijst Aandoeningen (bijvoorbeeld COPD, reumatoïde artritis, ziekte van Parkinson of na een CVA) worden vanaf de 21e behandeling de kosten vergoed uit de basisverzekering. Het eigen risico is van toepassing.
""",
    ),
    (
        "N",
        "code",
        "code_yaml_zorgapp",
        """
# config/triage.yaml — vragenlijst huisartsenpost (geen patiëntgegevens)
urgentie:
  U1: ["bewusteloos", "ernstige benauwdheid", "pijn op de borst met zweten"]
  U2: ["koorts bij baby < 3 mnd", "verward", "hevige buikpijn"]
  U3: ["oorpijn > 3 dagen", "blaasontstekingsklachten", "snijwond"]
terugbellen_binnen_min:
  U2: 60
  U3: 180
""",
    ),
    (
        "N",
        "abstract",
        "abstract_cohort_huisarts",
        """
Achtergrond: Chronische pijn is een veelvoorkomende reden voor een huisartsconsult. Methode: retrospectief cohortonderzoek in 58 huisartsenpraktijken (n = 214.000 ingeschreven patiënten). Resultaten: 7,9 % van de volwassenen kreeg in 2022 langdurig (> 3 maanden) een opioïd voorgeschreven; oxycodon was het meest voorgeschreven middel. Conclusie: er is ruimte voor afbouwbeleid en niet-medicamenteuze behandeling.
""",
    ),
    (
        "V",
        "vignette",
        "casus_copd_longkanker",
        """
Een 67-jarige man meldt zich bij de huisarts met sinds 6 weken ⟦hoesten⟧ en ⟦eenmaal bloed opgehoest⟧. Hij ⟦rookt sinds zijn 16e⟧ (⟦50 pakjaren⟧) en heeft ⟦COPD GOLD 2⟧. Hij is ⟦5 kg afgevallen⟧ zonder dieet. Bij onderzoek: ⟦trommelstokvingers⟧, ⟦verminderd ademgeruis rechtsboven⟧. Welk aanvullend onderzoek vraagt u als eerste aan?
""",
    ),
]

# =============================================================================================
# DUTCH - HELDOUT
# =============================================================================================
NL_HELD = [
    (
        "P",
        "soap_note",
        "soep_otitis_kind",
        """
S: meisje, 3 jr, sinds gisteren ⟦oorpijn⟧ li., ⟦koorts⟧ tot ⟦39,4⟧, ⟦slaapt slecht⟧. Vorige week ⟦verkouden⟧. Drinkt goed, plast normaal.
O: niet ziek ogend. ⟦T 38,8⟧. Otoscopie: ⟦trommelvlies li. rood en bomberend⟧, re. normaal. Geen loopoor.
E: ⟦otitis media acuta⟧ li.
P: uitleg beloop, ⟦paracetamol zetpil 240 mg⟧ max 4dd, ⟦neusspray⟧ NaCl. Geen antibiotica nu. Terugkomen als na 3 dagen niet beter, of bij sufheid/nekstijfheid.
""",
    ),
    (
        "P",
        "discharge_summary",
        "ontslagbrief_sikkelcel",
        """
Geachte collega,

Uw patiënt werd van 12 t/m 16 april opgenomen op de afdeling Interne Geneeskunde in verband met een ⟦vaso-occlusieve pijncrisis⟧ bij bekende ⟦sikkelcelziekte (HbSS)⟧.

Beloop: presentatie met ⟦pijn in rug en beide benen⟧ (⟦NRS 9⟧) na een periode van ⟦koorts⟧ en vochtgebrek. ⟦Hb 5,1 mmol/l⟧ (baseline ~⟦5,6⟧), ⟦reticulocyten 310‰⟧, ⟦LDH 620⟧. ⟦X-thorax⟧ zonder aanwijzingen voor ⟦acute chest syndrome⟧. Behandeld met ⟦morfine PCA⟧, ⟦iv-vocht⟧ en ⟦incentive spirometrie⟧; pijn daalde naar NRS 3.

Medicatie bij ontslag: ⟦hydroxycarbamide 1000 mg⟧ 1dd (ongewijzigd), ⟦foliumzuur 5 mg⟧ 1dd, ⟦paracetamol⟧ en ⟦naproxen⟧ z.n. Controle poli hematologie over 4 weken.
""",
    ),
    (
        "P",
        "handover",
        "overdracht_subduraal",
        """
SBAR-overdracht neurochirurgie, kamer 3
S: Dhr., dag 1 na ⟦boorgatdrainage⟧ van ⟦chronisch subduraal hematoom⟧ links.
B: ⟦Val⟧ 4 weken geleden, daarna ⟦toenemende hoofdpijn⟧ en ⟦verwardheid⟧. Gebruikt ⟦apixaban⟧ voor ⟦atriumfibrilleren⟧ — gestaakt, couperen niet nodig geweest.
A: ⟦EMV 15⟧, ⟦pupillen isocoor⟧, ⟦lichte krachtsvermindering rechterarm⟧ (verbeterd t.o.v. opname). Drain ⟦80 ml⟧ sinds vanochtend. ⟦Pijn 3⟧.
R: drain eruit om 14:00 volgens NCH, ⟦CT-cerebrum⟧ morgen, daarna overleg herstart antistolling.
""",
    ),
    (
        "P",
        "text_message",
        "whatsapp_opa_gordelroos",
        """
Opa heeft ⟦gordelroos⟧ 😕 op zijn rug en buik, ⟦hele rij blaasjes⟧, hij heeft er echt ⟦veel pijn⟧ van. Huisarts heeft ⟦valaciclovir⟧ gegeven en ⟦pijnstillers⟧. Ze zei wel dat jullie niet met de baby langs moeten komen zolang het niet is ingedroogd. Zondag maar even overslaan dus?
""",
    ),
    (
        "P",
        "email",
        "manager_hersenschudding",
        """
Hoi team,

Korte update: Joris is vrijdag met de fiets onderuit gegaan en heeft een ⟦hersenschudding⟧ opgelopen. Hij moet van de huisarts minstens twee weken rust houden en mag voorlopig niet naar beeldschermen kijken vanwege ⟦hoofdpijn⟧ en ⟦duizeligheid⟧. Zijn sprinttaken verdeel ik vanmiddag in de stand-up. Stuur hem liever geen Slack-berichtjes, een kaartje mag natuurlijk wel 🙂

Groet,
Femke
""",
    ),
    (
        "P",
        "prescription",
        "apotheek_interactie",
        """
Medicatiebewaking — interactiesignaal (apotheek)
Nieuw recept: ⟦claritromycine 500 mg⟧ 2dd 7 dagen (indicatie: ⟦pneumonie⟧)
Lopende medicatie: ⟦simvastatine 40 mg⟧, ⟦amlodipine 5 mg⟧, ⟦tamsulosine 0,4 mg⟧
Signaal: claritromycine remt CYP3A4 → sterk verhoogde simvastatinespiegel, risico op myopathie/rabdomyolyse.

Actie: na overleg met voorschrijver simvastatine tijdelijk gestaakt tijdens de kuur. Patiënt telefonisch geïnformeerd.
""",
    ),
    (
        "P",
        "report",
        "bedrijfsarts_probleemanalyse",
        """
Probleemanalyse (Wet verbetering poortwachter) — bestemd voor werkgever

Werknemer is sinds 6 weken volledig arbeidsongeschikt. Er is sprake van ⟦overspannenheid⟧ met ⟦spanningsklachten⟧, ⟦slaapproblemen⟧ en ⟦concentratieverlies⟧, in samenhang met hoge werkdruk en een reorganisatie. Werknemer is onder behandeling bij de ⟦praktijkondersteuner GGZ⟧.
Beperkingen: geen werk onder tijdsdruk, geen leidinggevende taken, maximaal 4 uur per dag.
Prognose: gunstig; start opbouw met 2 x 2 uur aangepast werk over 2 weken. Evaluatie over 4 weken.
""",
    ),
    (
        "P",
        "lab_result",
        "uitslag_lyme",
        """
Uitslag laboratorium (via portaal)
⟦Borrelia IgM: positief⟧
⟦Borrelia IgG: positief⟧
⟦Immunoblot: bevestigd⟧
Toelichting huisarts: "Deze uitslag past samen met de ⟦rode ring op uw been⟧ en de ⟦gewrichtsklachten⟧ bij ⟦lymeziekte⟧. U krijgt ⟦doxycycline 100 mg⟧ 2x daags gedurende 28 dagen; het recept staat klaar bij de apotheek. Vermijd felle zon tijdens de kuur."
""",
    ),
    (
        "P",
        "clinical_note",
        "echo_tweeling",
        """
Termijnecho — ⟦AD 12+1⟧
⟦Gemelli⟧, ⟦dichoriaal-diamniotisch⟧ (⟦lambda-teken⟧). Beide ⟦CRL passend⟧, ⟦hartactie aanwezig bij beide⟧. ⟦NIPT⟧ besproken (bij tweeling mogelijk), mw. wil dit. Verwijzing naar gynaecoloog i.v.m. ⟦meerlingzwangerschap⟧ (medium-risk). ⟦Bloeddruk 112/68⟧. Ze heeft nog veel ⟦misselijkheid⟧ en ⟦braakt⟧ 2x per dag — ⟦meclozine⟧ gestart.
""",
    ),
    (
        "P",
        "clinical_note",
        "abortuskliniek_overtijd",
        """
Abortuskliniek — intake overtijdbehandeling
Cliënte, ⟦16 dagen overtijd⟧, ⟦zwangerschapstest positief⟧. ⟦Echo: intra-uteriene zwangerschap 6+2 wk⟧. Geen bedenktijd nodig (overtijdbehandeling). Keuze: ⟦zuigcurettage⟧ onder lokale verdoving. ⟦Rhesus positief⟧. Medische voorgeschiedenis: ⟦astma⟧ (⟦Ventolin⟧ z.n.). ⟦Chlamydia-test⟧ afgenomen. Anticonceptie nazorg: ⟦koperspiraal⟧ direct na de behandeling geplaatst. Nacontrole via de huisarts.
""",
    ),
    (
        "P",
        "clinical_note",
        "hematologie_kahler",
        """
Polikliniek hematologie
⟦Multipel myeloom⟧ (⟦ziekte van Kahler⟧), ⟦IgG-kappa⟧, ⟦ISS stadium II⟧, gediagnosticeerd na ⟦pathologische fractuur L2⟧. ⟦M-proteïne 38 g/l⟧ → na 4 kuren ⟦Dara-VTd⟧ ⟦6 g/l⟧ (⟦VGPR⟧). ⟦Kreatinine 96⟧, ⟦calcium normaal⟧. ⟦Neuropathie graad 1⟧ voeten. Plan: ⟦stamcelmobilisatie⟧ en ⟦autologe stamceltransplantatie⟧ in het UMC over 6 weken. ⟦Zoledroninezuur⟧ elke 4 weken.
""",
    ),
    (
        "P",
        "therapy_note",
        "ggz_eetbuistoornis",
        """
Behandelplanbespreking — eetstoorniscentrum
Cliënte (34) met ⟦eetbuistoornis⟧ (⟦BED⟧): ⟦eetbuien⟧ 4-5x per week, vooral 's avonds, met ⟦schaamte⟧ en ⟦sombere stemming⟧ nadien. ⟦BMI 36⟧. Geen compensatiegedrag. Comorbiditeit: ⟦ADHD⟧ (⟦methylfenidaat⟧ via huisarts), ⟦hypertensie⟧. Behandeling: ⟦CGT-E⟧ 20 sessies, eetdagboek, regelmatig eetpatroon. ⟦Lisdexamfetamine⟧ wordt overwogen in overleg met psychiater.
""",
    ),
    (
        "P",
        "csv",
        "csv_wachtlijst_fysio",
        """
intake;leeftijd;klacht;verwijzer;urgentie
wk12;71;⟦status na CVA⟧, ⟦loopstoornis⟧;huisarts;hoog
wk12;44;⟦frozen shoulder⟧ re.;DTF;normaal
wk13;36;⟦postpartum bekkenbodemklachten⟧;verloskundige;normaal
wk13;58;⟦artrose heup⟧ li.;orthopeed;normaal
wk13;29;⟦enkelfractuur⟧ na ⟦ORIF⟧;orthopeed;hoog
wk14;80;⟦valrisico⟧, ⟦Parkinson⟧;specialist ouderengeneeskunde;hoog
""",
    ),
    (
        "P",
        "chat",
        "chat_teennagel",
        """
heb al 3 weken een ⟦ontstoken teennagel⟧ 😖 ⟦dik rood en pus⟧, de huisarts zei ⟦ingegroeide nagel⟧ en gaf ⟦fusidinezuur creme⟧ maar het word niet beter. moet ik terug of kan ik zelf iets doen?? hij wil em misschien ⟦wegknippen⟧ (⟦wigexcisie⟧ ofzo) daar heb ik echt geen zin in lol
""",
    ),
    (
        "P",
        "forum_post",
        "forum_dochter_tourette",
        """
Hallo allemaal, onze dochter (11) heeft sinds kort de diagnose ⟦syndroom van Gilles de la Tourette⟧. Ze heeft al jaren ⟦tics⟧ (⟦knipperen⟧, ⟦keelschrapen⟧) maar sinds groep 7 zijn er ook ⟦vocale tics⟧ bijgekomen en ⟦dwangmatig aanraken⟧. Ze wordt op school gepest. De kinderpsychiater stelt eerst ⟦gedragstherapie (HRT)⟧ voor, en eventueel ⟦aripiprazol⟧. Hoe hebben jullie het aan de klas uitgelegd? Heeft iemand goede ervaringen met HRT?
""",
    ),
]
NL_HELD += [
    (
        "N",
        "question",
        "q_waterpokken_besmettelijk",
        """
Hoe lang ben je eigenlijk besmettelijk met waterpokken? Mag een kind met blaasjes naar de kinderopvang, of pas als alles is ingedroogd?
""",
    ),
    (
        "N",
        "leaflet",
        "bijsluiter_salbutamol",
        """
Salbutamol 100 microgram/dosis aërosol — bijsluiter (uittreksel)
Waarvoor wordt dit middel gebruikt? Salbutamol verwijdt de luchtwegen. Het wordt gebruikt bij astma en COPD om benauwdheid snel te verlichten, en om benauwdheid bij inspanning te voorkomen.
Gebruikt u het middel vaker dan 2x per week? Neem dan contact op met uw arts, want uw astma is misschien niet goed onder controle.
Bijwerkingen: trillen, hartkloppingen, hoofdpijn, spierkrampen.
""",
    ),
    (
        "N",
        "news",
        "cbs_diabetes",
        """
Steeds meer Nederlanders met diabetes
Ruim 1,2 miljoen Nederlanders hebben diabetes, blijkt uit cijfers van het CBS en Nivel. Het overgrote deel heeft type 2. Het aantal nieuwe diagnoses stijgt vooral bij mensen tussen 40 en 65 jaar. Overgewicht en te weinig beweging zijn de belangrijkste risicofactoren. Naar schatting weten nog eens 250.000 mensen niet dat ze de ziekte hebben.
""",
    ),
    (
        "N",
        "faq",
        "thuisarts_wat_zelf",
        """
Wat kunt u zelf doen bij een blaasontsteking?
• Drink gewoon, niet extra veel. Extra drinken helpt niet.
• Plas als u moet plassen. Houd de plas niet op.
• Heeft u veel pijn? Neem dan paracetamol.
Bel de huisarts als u koorts krijgt, pijn in uw rug of zij, of als u zwanger bent. Bij mannen, kinderen en mensen met diabetes belt u altijd de huisarts bij klachten van een blaasontsteking.
""",
    ),
    (
        "N",
        "job_ad",
        "vacature_huisarts_hagro",
        """
Gezocht: waarnemend huisarts (0,6-0,8 fte) voor een duopraktijk in Zwolle met 4.200 patiënten. Goed georganiseerde praktijk met POH-S, POH-GGZ en doktersassistenten, HIS: Medicom. Je werkt mee in de ketenzorg voor diabetes, COPD en CVRM en doet diensten op de HAP. Interesse in ouderengeneeskunde is een pré.
""",
    ),
    (
        "N",
        "chat",
        "fig_kriebels_deadline",
        """
ik krijg echt de kriebels van die nieuwe planningstool. en die deadline van vrijdag is een nachtmerrie, het hele project ligt op z'n gat. ben er helemaal ziek van 😩
""",
    ),
    (
        "N",
        "vet_note",
        "dierenarts_paard_hoefbevangen",
        """
Paard, KWPN merrie, 14 jaar, 620 kg. Sinds de ochtend stijf lopen, staat met voorbenen naar voren ('zaagbokhouding'), warme hoeven, verhoogde pulsatie digitale arteriën.
Diagnose: acute hoefbevangenheid (laminitis), waarschijnlijk na te veel voorjaarsgras. Insulinetest afgenomen (EMS?).
Behandeling: box op zacht zand, ijskoeling van de hoeven, fenylbutazon 4,4 mg/kg, ondersteuning zolen. Röntgenfoto's hoeven over 1 week.
""",
    ),
    (
        "N",
        "code",
        "code_fhir_bundle_leeg",
        """
{
  "resourceType": "Bundle",
  "type": "collection",
  "meta": {"profile": ["http://nictiz.nl/fhir/StructureDefinition/nl-core-Problem"]},
  "entry": [
    {
      "resource": {
        "resourceType": "Condition",
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": "<probleemcode>", "display": "<omschrijving>"}]},
        "subject": {"reference": "Patient/<id>"}
      }
    }
  ]
}
""",
    ),
    (
        "N",
        "policy",
        "verzuimprotocol",
        """
Verzuimprotocol (uittreksel)
1. Ziekmelden doe je vóór 9.00 uur telefonisch bij je leidinggevende. Je hoeft niet te vertellen wat je mankeert; de werkgever mag daar ook niet naar vragen.
2. Je geeft door: je (verpleeg)adres, je telefoonnummer, de verwachte duur en of er sprake is van een bedrijfsongeval.
3. Na uiterlijk 6 weken maakt de bedrijfsarts een probleemanalyse. Medische gegevens blijven bij de bedrijfsarts.
""",
    ),
    (
        "N",
        "plot_summary",
        "filmplot_dementie",
        """
In de film speelt een verzonnen oud-zeeman, Kees, de hoofdrol. Hij raakt langzaam dement en ontsnapt steeds uit het verpleeghuis om 'zijn schip' in de Rotterdamse haven te zoeken. Zijn kleindochter besluit met hem een laatste tocht over de Maas te maken. Een ontroerende, soms grappige roadmovie over herinneringen.
""",
    ),
    (
        "N",
        "textbook",
        "collegeaantekeningen_hartfalen",
        """
Collegeaantekeningen farmacologie — hartfalen
De vier pijlers bij HFrEF: ACE-remmer of ARNI, bètablokker, MRA (spironolacton/eplerenon) en SGLT2-remmer. Diuretica (furosemide) verminderen congestie maar verbeteren de overleving niet. Let op hyperkaliëmie bij combinatie ACE-remmer + MRA; controleer kalium en nierfunctie na 1-2 weken.
""",
    ),
    (
        "V",
        "vignette",
        "casus_kind_buikpijn",
        """
Een 8-jarig meisje wordt door haar moeder naar de huisartsenpost gebracht met sinds 2 dagen ⟦veel dorst⟧, ⟦veel plassen⟧ en vandaag ⟦buikpijn⟧ en ⟦braken⟧. Ze is de laatste weken ⟦afgevallen⟧. Bij onderzoek ⟦diepe, snelle ademhaling⟧ en ⟦droge slijmvliezen⟧. ⟦Vingerprik-glucose 27 mmol/l⟧, ⟦ketonen in urine +++⟧. Wat is uw diagnose en beleid?
""",
    ),
]

# =============================================================================================
# PORTUGUESE - DEV (pt-PT unless noted; some pt-BR)
# =============================================================================================
PT_DEV = [
    (
        "P",
        "clinical_note",
        "consulta_vigilancia_hta",
        """
Consulta de vigilância — MGF
Utente de 63 anos com AP de ⟦HTA⟧, ⟦dislipidemia⟧ e ⟦obesidade⟧ (⟦IMC 33⟧). Medicado com ⟦perindopril 5 mg⟧ + ⟦indapamida⟧ e ⟦sinvastatina 20 mg⟧. Refere ⟦cefaleias matinais⟧ ocasionais. Não cumpre dieta hipossalina.
EO: ⟦TA 162/98 mmHg⟧ (2.ª medição ⟦158/96⟧), ⟦FC 78⟧. ⟦Edemas maleolares⟧ discretos.
Análises: ⟦creatinina 1,0⟧, ⟦K 4,2⟧, ⟦colesterol LDL 142⟧.
Plano: ⟦HTA não controlada⟧ — associar ⟦amlodipina 5 mg⟧; ⟦MAPA⟧ 24 h; reforço de ensino; reavaliação dentro de 4 semanas.
""",
    ),
    (
        "P",
        "prescription",
        "receita_fosfomicina",
        """
Receita Médica (SNS)
Utente: [ver cartão]
1. ⟦Fosfomicina 3 g⟧ granulado para solução oral — 1 saqueta, toma única, à noite após esvaziar a bexiga
2. ⟦Paracetamol 1 g⟧ — de 8/8 h se ⟦dor⟧
Indicação clínica: ⟦cistite aguda não complicada⟧
Ensino: reforço hídrico; voltar se ⟦febre⟧, dor lombar ou ausência de melhoria em 48 h.
""",
    ),
    (
        "P",
        "email",
        "rh_baixa_menisco",
        """
Assunto: Baixa médica — equipa de manutenção

Olá Rita,

Para tua informação, o nosso técnico de manutenção do turno da manhã entregou hoje o certificado de incapacidade temporária (baixa médica) por 30 dias. Vai ser ⟦operado ao joelho⟧ esquerdo na próxima semana — ⟦rotura do menisco⟧ — e depois fará ⟦fisioterapia⟧. Já falei com a empresa de trabalho temporário para o substituir.

Peço que este assunto fique entre nós.

Obrigado,
Nuno
""",
    ),
    (
        "P",
        "chat",
        "chat_gastrite_hpylori_br",
        """
oi! fiz endoscopia e o médico disse que eu tenho ⟦gastrite⟧ e ⟦H. pylori positivo⟧ 😕 vou tomar ⟦amoxicilina⟧, ⟦claritromicina⟧ e ⟦omeprazol⟧ por 14 dias. o que eu posso comer nesse tempo? posso tomar café? e cerveja no fim de semana nem pensar né
""",
    ),
    (
        "P",
        "forum_post",
        "forum_pai_pe_diabetico_br",
        """
Gente, preciso de uma luz. Meu pai tem ⟦diabetes⟧ há 20 anos e nunca se cuidou direito. Há um mês apareceu uma ⟦ferida no pé⟧ que não fechava, ⟦infeccionou⟧ e ontem tiveram que ⟦amputar o dedão⟧. Os médicos falaram em ⟦osteomielite⟧. Agora ele está na ⟦insulina⟧ e revoltado. Alguém aqui passou por isso com algum familiar? Como foi a recuperação e o ⟦curativo⟧ em casa?
""",
    ),
    (
        "P",
        "handover",
        "passagem_turno_hda",
        """
Passagem de turno — Gastrenterologia, cama 9
Doente internado por ⟦hemorragia digestiva alta⟧ (⟦melenas⟧ + ⟦hematemeses⟧). ⟦EDA⟧ ontem: ⟦úlcera duodenal Forrest IIa⟧, ⟦terapêutica endoscópica⟧ com clips + adrenalina. Em ⟦perfusão de pantoprazol⟧ 8 mg/h. ⟦Hb 8,1⟧ (após ⟦2 UCE⟧). ⟦TA 118/70⟧, ⟦FC 88⟧. Sem novas dejeções. Iniciou dieta líquida às 12 h, tolerou. ⟦Pesquisa de H. pylori⟧ em curso. Tem ⟦artrose⟧ e fazia ⟦ibuprofeno⟧ por conta própria — suspenso.
""",
    ),
    (
        "P",
        "lab_result",
        "resultados_analises_sms",
        """
Laboratório Análises Clínicas: os seus resultados estão disponíveis. Valores fora do intervalo de referência: ⟦Colesterol total 262 mg/dL⟧, ⟦Triglicéridos 310 mg/dL⟧, ⟦Ácido úrico 8,4 mg/dL⟧, ⟦Gama-GT 96 U/L⟧. Consulte o relatório completo na área reservada e mostre-o ao seu médico de família.
""",
    ),
    (
        "P",
        "referral_letter",
        "referenciacao_neuro_enxaqueca",
        """
Pedido de Primeira Consulta — Neurologia (via CTH)
Motivo: ⟦enxaqueca crónica⟧ refratária.
Informação clínica: Utente de 35 anos com ⟦cefaleias⟧ desde a adolescência, agora ⟦15-18 dias de dor por mês⟧, ⟦fotofobia⟧ e ⟦náuseas⟧, ⟦abuso de analgésicos⟧ (⟦paracetamol⟧ + ⟦cafeína⟧ quase diário). Já fez ⟦propranolol⟧ (ineficaz) e ⟦topiramato⟧ (suspenso por ⟦parestesias⟧). ⟦Exame neurológico normal⟧. ⟦TC-CE⟧ sem alterações. Solicito avaliação para terapêutica preventiva (⟦toxina botulínica⟧ / ⟦anti-CGRP⟧).
""",
    ),
    (
        "P",
        "therapy_note",
        "psicologia_perturbacao_depressiva",
        """
Registo de sessão — Psicologia Clínica (sessão 6)
A utente mantém ⟦humor deprimido⟧ e ⟦choro fácil⟧, embora com ligeira melhoria do ⟦padrão de sono⟧. ⟦BDI-II: 24⟧. Refere ⟦ideação de morte passiva⟧ sem plano nem intenção; plano de segurança revisto. Em toma de ⟦escitalopram 15 mg⟧ prescrito pela médica de família. Trabalhada reestruturação cognitiva de crenças de desvalor. Mantém baixa médica. Próxima sessão em 1 semana.
""",
    ),
    (
        "P",
        "school_note",
        "atestado_escola_asma",
        """
ATESTADO MÉDICO

Atesto, para efeitos escolares, que a criança do 3.º ano é seguida em consulta de Pediatria por ⟦asma brônquica persistente moderada⟧, medicada com ⟦budesonida 200 µg⟧ inalada de manhã e à noite. Em caso de ⟦tosse⟧, ⟦pieira⟧ ou ⟦falta de ar⟧ durante a atividade física, deve fazer ⟦salbutamol⟧ inalado (2 puffs com câmara expansora), que traz na mochila. Pode e deve praticar educação física.
""",
    ),
    (
        "P",
        "dental_note",
        "dentista_siso",
        """
Doente de 22 anos com ⟦pericoronarite⟧ recorrente do ⟦38⟧ (3.º episódio este ano), ⟦trismo⟧ ligeiro, ⟦dor⟧ à mastigação. OPG: ⟦38 semi-incluso⟧ em posição mesioangular, ⟦48 incluso⟧. Sem AP relevantes, ⟦alergia à penicilina⟧. Fez ⟦clindamicina 300 mg⟧ 8/8 h 5 dias. Proposta ⟦extração cirúrgica do 38 e 48⟧ sob anestesia local; consentimento informado entregue.
""",
    ),
    (
        "P",
        "clinical_note",
        "vih_consulta_seguimento",
        """
Consulta de Doenças Infeciosas — seguimento
Doente com ⟦infeção VIH-1⟧ diagnosticada em 2019 (⟦CD4 nadir 180⟧), sob ⟦TARV⟧ com ⟦Dovato⟧ desde 2022. ⟦Carga viral indetetável⟧, ⟦CD4 540⟧. Coinfeção VHB excluída.
 ⟦Sífilis latente tardia⟧ tratada em 2023 (⟦VDRL 1:2⟧, estável). ⟦Fuma 10 cig/dia⟧. Quer iniciar ⟦cessação tabágica⟧ — referenciado à consulta. Próxima consulta em 6 meses com análises.
""",
    ),
    (
        "P",
        "clinical_note",
        "saude_materna_16s",
        """
Consulta de Saúde Materna — ⟦16 semanas⟧
⟦Grávida⟧, ⟦G2P1⟧ (⟦parto eutócico⟧ em 2021). ⟦Rastreio combinado do 1.º trimestre: baixo risco⟧. ⟦Náuseas⟧ em melhoria. ⟦TA 108/64⟧, ⟦peso 64 kg⟧. ⟦Urina II⟧: ⟦bacteriúria assintomática⟧ (urocultura com ⟦E. coli⟧ > 10⁵) → ⟦cefuroxima⟧ 7 dias e urocultura de controlo. Suplementação com ⟦ácido fólico⟧ e ⟦iodeto de potássio⟧. Marcada ⟦ecografia morfológica⟧ às 21 semanas.
""",
    ),
    (
        "P",
        "clinical_note",
        "cri_metadona",
        """
CRI — Consulta de seguimento (Equipa de Tratamento)
Utente em ⟦programa de substituição opiácea⟧ com ⟦metadona 60 mg⟧/dia há 3 anos, ⟦abstinente de heroína⟧ desde o último ano (⟦urinas negativas⟧). Refere ⟦consumo ocasional de cocaína⟧ em contexto festivo. ⟦Hepatite C⟧ tratada e curada em 2021. Empregado na construção civil. Mantém levantamento semanal da metadona no centro de saúde. Próxima consulta com a psicóloga dentro de 15 dias.
""",
    ),
    (
        "P",
        "insurance_claim",
        "reembolso_psiquiatria",
        """
Pedido de reembolso — Seguro de Saúde
Ato médico: ⟦consulta de Psiquiatria⟧ (2.ª consulta) — 90,00 €
Diagnóstico indicado na fatura/relatório: ⟦Perturbação de Hiperatividade e Défice de Atenção⟧ (adulto)
Medicação em farmácia: ⟦Concerta 36 mg⟧, 30 comprimidos — 54,30 €
Documentos: fatura-recibo com NIF, receita médica, relatório clínico.
""",
    ),
]
PT_DEV += [
    (
        "N",
        "question",
        "q_dengue_sintomas_br",
        """
Quais são os sintomas da dengue e quais são os sinais de alarme que indicam que é preciso ir ao pronto-socorro? É verdade que não se pode tomar anti-inflamatório?
""",
    ),
    (
        "N",
        "leaflet",
        "folheto_ben_u_ron",
        """
Folheto informativo: Informação para o utilizador
Paracetamol 500 mg comprimidos
O que é e para que é utilizado: este medicamento é um analgésico e antipirético. Está indicado no tratamento sintomático de dores ligeiras a moderadas (dores de cabeça, dores de dentes, dores musculares, dores menstruais) e de estados febris.
Não tome este medicamento se tem doença hepática grave.
Se tomar mais do que deveria: dirija-se imediatamente a um serviço de urgência, mesmo que não tenha sintomas.
""",
    ),
    (
        "N",
        "news",
        "noticia_dgs_gripe",
        """
Gripe: atividade epidémica de intensidade moderada
A Direção-Geral da Saúde informa que a atividade gripal aumentou pela terceira semana consecutiva, com predomínio do vírus influenza A(H1N1). A procura das urgências hospitalares subiu 15 %. A DGS recomenda a vacinação a pessoas com 60 ou mais anos, grávidas, doentes crónicos e profissionais de saúde, e o uso de máscara em lares e hospitais.
""",
    ),
    (
        "N",
        "guideline",
        "norma_dgs_diabetes",
        """
Norma — Abordagem terapêutica da Diabetes Mellitus tipo 2 no adulto
1. A metformina é o fármaco de primeira linha, na ausência de contraindicações.
2. Em doentes com doença cardiovascular aterosclerótica estabelecida, insuficiência cardíaca ou doença renal crónica, deve ser considerada a associação de um inibidor SGLT2 ou agonista GLP-1 com benefício cardiovascular demonstrado, independentemente da HbA1c.
3. O alvo de HbA1c deve ser individualizado, em geral < 7 %.
""",
    ),
    (
        "N",
        "job_ad",
        "oferta_enfermeiro_urgencia",
        """
Hospital privado em Lisboa recruta Enfermeiro/a para o Serviço de Urgência Geral
Requisitos: Licenciatura em Enfermagem, inscrição ativa na Ordem dos Enfermeiros, experiência em urgência/emergência (preferencial), SBV/SAV.
Oferecemos: contrato sem termo, horário rotativo, seguro de saúde, formação contínua.
Candidaturas com CV até ao final do mês.
""",
    ),
    (
        "N",
        "chat",
        "fig_codigo_cancro",
        """
este código é um cancro, sinceramente. cada vez que mexo numa coisa parte outra. ando doente com este projeto, e a reunião de ontem foi de morrer 😩
""",
    ),
    (
        "N",
        "email",
        "fig_empresa_uti_br",
        """
Pessoal, sem rodeios: a operação do Nordeste está na UTI. Vendas em queda há três trimestres e o estoque sangrando. Precisamos de um plano de reanimação até sexta, senão o board vai desligar os aparelhos.
""",
    ),
    (
        "N",
        "vet_note",
        "veterinario_cao_cardiomiopatia",
        """
Ficha clínica veterinária
Paciente: cão, Labrador Retriever, macho, 10 anos, 38 kg.
Anamnese: tosse seca ao esforço, intolerância ao exercício, abdómen distendido.
Exame: sopro sistólico grau IV/VI, ascite. Ecocardiografia: cardiomiopatia dilatada, FE 25 %.
Tratamento: pimobendan 0,25 mg/kg BID, furosemida 2 mg/kg BID, benazepril. Reavaliação dentro de 7 dias. Tutor informado do prognóstico reservado.
""",
    ),
    (
        "N",
        "policy",
        "condicoes_seguro_saude",
        """
Cláusula 8.ª — Exclusões
Ficam excluídas das garantias da apólice: doenças ou lesões preexistentes à data de início do contrato; tratamentos de infertilidade e procriação medicamente assistida; cirurgia estética; tratamentos de alcoolismo e toxicodependência; interrupção voluntária da gravidez, salvo nos casos previstos na lei; doenças do foro psiquiátrico que requeiram internamento superior a 30 dias.
""",
    ),
    (
        "N",
        "code",
        "code_sinave_notificacao",
        """
// notificação obrigatória — exemplo de payload (valores fictícios de teste, sem doente real)
const notificacao = {
  doenca: "<codigo_doenca>",          // ex.: tuberculose, sarampo, hepatite A
  dataDiagnostico: "<AAAA-MM-DD>",
  confirmacaoLaboratorial: false,
  unidadeNotificadora: "<codigo_unidade>",
};
await api.post("/v1/notificacoes", notificacao);
""",
    ),
    (
        "N",
        "abstract",
        "resumo_coorte_avc",
        """
Introdução: O acidente vascular cerebral é a principal causa de morte em Portugal. Métodos: estudo de coorte retrospetivo com base nos GDH de hospitais do SNS (2015-2022), n = 96 410 internamentos por AVC isquémico. Resultados: a taxa de trombólise aumentou de 11 % para 19 % e a mortalidade intra-hospitalar diminuiu de 13,2 % para 10,4 %. Conclusão: a expansão das Vias Verdes AVC associou-se a melhores resultados.
""",
    ),
    (
        "V",
        "vignette",
        "caso_clinico_anemia",
        """
Mulher de 42 anos, vegetariana, refere ⟦cansaço⟧, ⟦formigueiros nos pés⟧ e ⟦dificuldade em andar no escuro⟧ há 6 meses. Ao exame: ⟦palidez⟧, ⟦glossite⟧, ⟦diminuição da sensibilidade vibratória nos membros inferiores⟧, ⟦Romberg positivo⟧. ⟦Hb 9,2 g/dL⟧, ⟦VGM 118 fL⟧, ⟦vitamina B12 98 pg/mL⟧. Qual o diagnóstico mais provável?
""",
    ),
]

# =============================================================================================
# PORTUGUESE - HELDOUT
# =============================================================================================
PT_HELD = [
    (
        "P",
        "clinical_note",
        "urgencia_colica_renal",
        """
Serviço de Urgência — Triagem de Manchester: laranja
Doente de 41 anos com ⟦dor lombar esquerda⟧ ⟦tipo cólica⟧ com ⟦irradiação à fossa ilíaca⟧ desde as 4 h, ⟦náuseas⟧ e ⟦vómitos⟧. ⟦Antecedente de litíase renal⟧ (2019). ⟦Punho-percussão lombar esquerda positiva⟧. ⟦Urina II: eritrócitos +++⟧. ⟦Ecografia⟧: ⟦hidronefrose grau II⟧ esquerda. ⟦Uro-TC⟧: ⟦cálculo de 6 mm no ureter distal⟧.
Terapêutica: ⟦cetorolac 30 mg⟧ EV, ⟦metoclopramida⟧, ⟦tansulosina 0,4 mg⟧ para expulsão. Alta com indicação para coar a urina e consulta de Urologia.
""",
    ),
    (
        "P",
        "discharge_summary",
        "alta_dengue_grave_br",
        """
RESUMO DE ALTA HOSPITALAR
Diagnóstico principal: ⟦dengue com sinais de alarme⟧ (⟦CID A97.1⟧)
História: paciente de 27 anos admitida no 5.º dia de ⟦febre⟧ com ⟦dor abdominal intensa⟧, ⟦vômitos persistentes⟧ e ⟦sangramento gengival⟧. ⟦NS1 reagente⟧. ⟦Plaquetas 18.000/mm³⟧, ⟦hematócrito 49 %⟧ (⟦hemoconcentração⟧). ⟦Ultrassom⟧: ⟦derrame pleural bilateral pequeno⟧ e ⟦líquido livre na pelve⟧.
Evolução: ⟦hidratação venosa⟧ conforme protocolo (grupo C), sem necessidade de transfusão. Plaquetas em recuperação (⟦96.000⟧ na alta).
Orientações: evitar AAS e anti-inflamatórios, retorno à UBS em 48 h para ⟦hemograma⟧. Atestado de 7 dias.
""",
    ),
    (
        "P",
        "handover",
        "passagem_turno_paliativos",
        """
Passagem de turno — Unidade de Cuidados Paliativos, quarto 2
Doente com ⟦neoplasia do pulmão⟧ com ⟦metastização óssea e cerebral⟧, em ⟦fim de vida⟧. ⟦Dispneia⟧ em repouso, ⟦estertores⟧ desde as 18 h → ⟦butilescopolamina 20 mg⟧ SC. ⟦Morfina⟧ em perfusão SC 30 mg/24 h, 2 resgates no turno por ⟦dor⟧. ⟦Agitação terminal⟧ ligeira: ⟦midazolam 2,5 mg⟧ SC às 21 h. Não se alimenta, cuidados à boca 2/2 h. Filha e neto presentes, pedem para ser chamados se houver alteração.
""",
    ),
    (
        "P",
        "text_message",
        "whatsapp_vo_punho_br",
        """
gente, a vó caiu na calçada hoje cedo e ⟦quebrou o punho⟧ 😢 foi pro pronto-socorro, ⟦engessaram⟧ e o ortopedista falou que talvez precise ⟦operar⟧ se no ⟦raio-x⟧ de semana que vem não estiver no lugar. ela tá com muita ⟦dor⟧ e a ⟦pressão subiu⟧ no hospital. alguém consegue levar ela na consulta terça?
""",
    ),
    (
        "P",
        "email",
        "rh_atestado_depressao_pos_parto_br",
        """
Assunto: Afastamento — equipe comercial

Oi, Paula,

A analista comercial que voltou da licença-maternidade no mês passado enviou hoje um atestado de 15 dias. Ela me contou, em confiança, que foi diagnosticada com ⟦depressão pós-parto⟧ e está começando ⟦tratamento com psiquiatra⟧ e ⟦medicação⟧. Se passar de 15 dias, ela será encaminhada ao INSS. Vou redistribuir a carteira dela entre o Diego e a Carla.

Por favor, mantenha o motivo em sigilo.

Abraço,
Fernanda (RH)
""",
    ),
    (
        "P",
        "prescription",
        "receita_morfina",
        """
Receita Médica Especial — estupefacientes
⟦Morfina 10 mg⟧ comprimidos de libertação prolongada — 1 comprimido de 12/12 h — 2 embalagens
⟦Morfina 10 mg/5 ml⟧ solução oral — 5 ml em SOS para ⟦dor irruptiva⟧, máx. 6 x/dia
⟦Macrogol⟧ saquetas — 1 a 2 por dia (prevenção de ⟦obstipação⟧)
Diagnóstico: ⟦dor oncológica⟧ por ⟦neoplasia da próstata⟧ com ⟦metástases ósseas⟧
""",
    ),
    (
        "P",
        "sick_note",
        "atestado_gripe_br",
        """
ATESTADO MÉDICO

Atesto, para os devidos fins, que o(a) paciente esteve sob meus cuidados nesta data, apresentando quadro de ⟦síndrome gripal⟧ (⟦CID J11⟧), com ⟦febre⟧, ⟦tosse⟧ e ⟦mialgia⟧, necessitando de afastamento de suas atividades laborais por 3 (três) dias a partir de hoje.

Dra. Luciana Prado — CRM-SP
""",
    ),
    (
        "P",
        "lab_result",
        "resultado_igra_tb_latente",
        """
Resultado — Consulta de Tuberculose / Rastreio de contactos
⟦IGRA (QuantiFERON-TB Gold Plus): POSITIVO⟧ (⟦TB1 1,8 UI/mL⟧; ⟦TB2 2,3 UI/mL⟧)
⟦Radiografia do tórax: sem alterações⟧
Conclusão: ⟦infeção tuberculosa latente⟧ (contacto de caso índice no agregado familiar). Proposta ⟦terapêutica preventiva⟧ com ⟦isoniazida 300 mg⟧ + ⟦rifapentina⟧ semanal durante 12 semanas, com ⟦análises hepáticas⟧ mensais. Utente esclarecido e de acordo.
""",
    ),
    (
        "P",
        "clinical_note",
        "gravidez_ectopica",
        """
Urgência de Obstetrícia/Ginecologia
Utente de 29 anos, ⟦amenorreia de 6 semanas⟧, ⟦teste de gravidez positivo⟧, com ⟦dor pélvica à direita⟧ e ⟦perdas hemáticas escassas⟧. ⟦β-hCG 1 850 mUI/mL⟧. ⟦Ecografia endovaginal⟧: ⟦útero vazio⟧, ⟦massa anexial direita de 22 mm⟧ ("sinal do anel"), sem líquido livre. Hemodinamicamente estável. Diagnóstico: ⟦gravidez ectópica tubária direita⟧ não roturada. Proposto ⟦metotrexato 50 mg/m²⟧ IM com doseamento de β-hCG aos dias 4 e 7. ⟦Rh positivo⟧.
""",
    ),
    (
        "P",
        "clinical_note",
        "ivg_consulta_previa",
        """
Consulta prévia de IVG (Lei 16/2007)
Utente solicita ⟦interrupção voluntária da gravidez⟧. ⟦Ecografia: gravidez intrauterina com 7 semanas e 3 dias⟧. Entregue informação; período de reflexão de 3 dias. Método escolhido: ⟦medicamentoso⟧ em ambulatório. ⟦Grupo sanguíneo B Rh negativo⟧ → ⟦imunoglobulina anti-D⟧ no dia do misoprostol. Anticonceção pós-IVG: deseja ⟦implante subcutâneo⟧. ⟦Rastreio de clamídia⟧ colhido.
""",
    ),
    (
        "P",
        "clinical_note",
        "hemato_lmc_imatinib",
        """
Consulta de Hematologia
⟦Leucemia mieloide crónica⟧ em fase crónica, diagnosticada há 2 anos (⟦BCR-ABL1 p210⟧). Sob ⟦imatinib 400 mg⟧/dia. ⟦BCR-ABL1 IS 0,008 %⟧ — ⟦resposta molecular profunda (MR4)⟧ mantida. Refere ⟦edema periorbitário⟧ matinal e ⟦cãibras⟧. ⟦Hemograma⟧ normal. Discutida possibilidade futura de ⟦suspensão do TKI⟧ se MR4 estável por mais 1 ano. Próxima avaliação em 3 meses.
""",
    ),
    (
        "P",
        "clinical_note",
        "urgencia_imv_suicidio",
        """
Urgência — Psiquiatria de ligação
Doente de 19 anos trazido pelo INEM após ⟦intoxicação medicamentosa voluntária⟧ (⟦~20 comprimidos de paracetamol 1 g⟧ + ⟦sertralina⟧) com ⟦intenção suicida⟧, após rutura amorosa. ⟦Paracetamolemia às 4 h: 190 mg/L⟧ (acima da linha de tratamento) → ⟦N-acetilcisteína⟧ EV. ⟦Perturbação depressiva⟧ em seguimento no médico de família há 6 meses. Antecedente de ⟦autolesões⟧ (cortes nos antebraços). Risco suicida elevado: internamento em Psiquiatria após estabilização médica.
""",
    ),
    (
        "P",
        "csv",
        "csv_lista_consulta_enfermagem",
        """
hora;tipo;problemas_ativos;procedimento
08:30;domicílio;⟦úlcera venosa⟧ perna dta;⟦penso⟧ com prata
09:15;consulta;⟦DM2⟧ insulinotratada;⟦rastreio de pé diabético⟧
09:45;consulta;⟦hipocoagulação⟧ (⟦varfarina⟧);⟦INR capilar⟧

10:15;vacinação;⟦gravidez 28 semanas⟧;⟦vacina Tdpa⟧
10:45;consulta;⟦DPOC⟧;⟦espirometria⟧ + ensino de inaladores
11:15;domicílio;⟦AVC⟧ sequelar, ⟦acamado⟧;⟦úlcera de pressão⟧ sacro
""",
    ),
    (
        "P",
        "chat",
        "chat_conjuntivite_br",
        """
to com ⟦conjuntivite⟧ nos dois olhos 😭 ⟦vermelho⟧, ⟦coçando⟧ e acordei com o ⟦olho grudado⟧ de ⟦remela⟧. o médico do posto passou ⟦colírio de tobramicina⟧ mas ta ardendo mt. posso ir trabalhar?? trabalho com atendimento ao público
""",
    ),
    (
        "P",
        "forum_post",
        "forum_esposa_fibromialgia_br",
        """
Boa noite, pessoal. Minha esposa foi diagnosticada com ⟦fibromialgia⟧ depois de dois anos rodando médicos. Ela sente ⟦dor no corpo inteiro⟧, ⟦acorda cansada⟧ mesmo dormindo 9 horas e tem ⟦crises de enxaqueca⟧. A reumatologista receitou ⟦duloxetina 30 mg⟧ e ⟦pregabalina⟧ à noite, e recomendou ⟦hidroginástica⟧. Ela está muito desanimada. Alguém tem experiência com a duloxetina? Quanto tempo demorou para fazer efeito?
""",
    ),
]
PT_HELD += [
    (
        "N",
        "question",
        "q_doenca_celiaca",
        """
O que é exatamente a doença celíaca e qual a diferença para a intolerância ao glúten? Como é que se faz o diagnóstico — é só uma análise ao sangue?
""",
    ),
    (
        "N",
        "leaflet",
        "bula_dipirona_br",
        """
BULA — Dipirona monoidratada 500 mg/mL solução oral (gotas)
Indicações: este medicamento é indicado como analgésico (para dor) e antitérmico (para febre).
Contraindicações: não use em casos de alergia à dipirona, de alterações na produção de células do sangue, de asma induzida por analgésicos ou de porfiria aguda intermitente.
Reações adversas: reações alérgicas na pele, queda de pressão e, raramente, agranulocitose (diminuição acentuada de glóbulos brancos).
""",
    ),
    (
        "N",
        "news",
        "campanha_polio_br",
        """
Campanha de vacinação contra a poliomielite começa segunda-feira
O Ministério da Saúde inicia na próxima semana a campanha nacional de vacinação contra a poliomielite para crianças menores de 5 anos. A meta é vacinar 95 % do público-alvo. A cobertura vacinal caiu nos últimos anos, o que aumenta o risco de reintrodução do vírus no país, erradicado desde 1989.
""",
    ),
    (
        "N",
        "guideline",
        "protocolo_triagem_manchester",
        """
Protocolo de Triagem — fluxograma "Dor torácica"
Discriminadores para prioridade vermelha: compromisso da via aérea, respiração inadequada, choque.
Laranja: dor precordial ou cardíaca, dor intensa, pulso anormal, dispneia aguda.
Amarelo: dor moderada, história cardíaca importante, vómitos persistentes.
Após triagem, realizar ECG em até 10 minutos em todos os doentes com dor torácica de possível origem cardíaca.
""",
    ),
    (
        "N",
        "job_ad",
        "vaga_medico_ubs_br",
        """
Vaga: Médico(a) de Família e Comunidade — UBS zona norte de São Paulo
Atendimento a demanda espontânea e programada (hipertensão, diabetes, pré-natal de baixo risco, saúde mental), visitas domiciliares e matriciamento com o NASF. Requisitos: CRM ativo, residência ou título de especialista (desejável). Regime CLT, 40 h semanais, vale-refeição e plano de saúde.
""",
    ),
    (
        "N",
        "chat",
        "fig_dor_de_cabeca_cliente_br",
        """
esse cliente me dá dor de cabeça, juro. já é a quinta alteração no layout, quase tive um ataque de nervos na call 🤡 a empresa tá na UTI e ele preocupado com a cor do botão
""",
    ),
    (
        "N",
        "vet_note",
        "veterinario_gato_obstrucao",
        """
Felino, macho castrado, 5 anos, 5,8 kg. Tutor relata idas frequentes à caixa de areia sem urinar, vocalização, lambedura do pénis há 12 h.
Exame: bexiga distendida e dura, dor à palpação. Potássio 7,1 mmol/L.
Diagnóstico: obstrução uretral. Conduta: sedação, desobstrução com cateter, fluidoterapia, gluconato de cálcio, sonda uretral 48 h, analgesia. Dieta urinária após alta.
""",
    ),
    (
        "N",
        "code",
        "sql_agregado_internamentos",
        """
-- internamentos por grupo de diagnóstico (dados agregados, n >= 5 por célula)
SELECT gdh_grupo,
       EXTRACT(YEAR FROM data_alta) AS ano,
       COUNT(*)                     AS episodios,
       ROUND(AVG(dias_internamento), 1) AS demora_media
FROM episodios_internamento
WHERE gdh_grupo IN ('Insuficiência cardíaca', 'Pneumonia', 'AVC')
GROUP BY 1, 2
HAVING COUNT(*) >= 5;
""",
    ),
    (
        "N",
        "policy",
        "plano_saude_carencias_br",
        """
CARÊNCIAS DO PLANO
Urgência e emergência: 24 horas. Consultas e exames simples: 30 dias. Internações e cirurgias: 180 dias. Parto a termo: 300 dias. Doenças e lesões preexistentes (DLP) declaradas na entrevista qualificada: cobertura parcial temporária de 24 meses para procedimentos de alta complexidade, leitos de alta tecnologia e cirurgias relacionadas à DLP.
""",
    ),
    (
        "N",
        "plot_summary",
        "sinopse_novela_br",
        """
Resumo do capítulo de hoje: Helena, a personagem de Ana Paula, descobre que está com leucemia e esconde a doença do marido, que está prestes a viajar a trabalho. Enquanto isso, Bruno procura um doador de medula compatível sem saber que o irmão desaparecido pode ser a chave. A novela vai ao ar às 21 h.
""",
    ),
    (
        "N",
        "textbook",
        "apontamentos_farmacologia_anticoagulantes",
        """
Apontamentos — Anticoagulantes orais
Varfarina: antagonista da vitamina K, janela terapêutica estreita, monitorização por INR (alvo habitual 2-3). Interações frequentes (antibióticos, amiodarona, alimentos ricos em vitamina K).
DOAC (apixabano, rivaroxabano, edoxabano, dabigatrano): dose fixa, sem monitorização de rotina; ajustar à função renal. Antídotos: idarucizumab (dabigatrano) e andexanet alfa (inibidores do Xa).
""",
    ),
    (
        "V",
        "vignette",
        "caso_clinico_hipercalcemia",
        """
Homem de 68 anos com ⟦dor lombar⟧ progressiva há 3 meses, ⟦astenia⟧ e ⟦infeções respiratórias de repetição⟧. Análises: ⟦Hb 9,6 g/dL⟧, ⟦cálcio 12,1 mg/dL⟧, ⟦creatinina 2,0 mg/dL⟧, ⟦proteínas totais 9,8 g/dL⟧ com ⟦albumina 3,1 g/dL⟧. ⟦Radiografia da coluna⟧: ⟦lesões líticas em L1 e L3⟧. Qual o exame que deve pedir a seguir?
""",
    ),
]

# =============================================================================================
# ADDITIONS - one-liners and long, mixed documents (each still its own scenario and split)
# =============================================================================================
EN_DEV += [
    (
        "P",
        "clinical_note",
        "oneliner_hiv_cd4",
        """
Pt diagnosed with ⟦HIV⟧, ⟦CD4 count 350⟧, starting ⟦ART⟧ next wk.
""",
    ),
    (
        "N",
        "question",
        "oneliner_a1c_meaning",
        """
what does a1c stand for?
""",
    ),
    (
        "P",
        "email",
        "weekly_update_mixed",
        """
Subject: Ops weekly — wk 37

Morning all,

1) Warehouse: pick rate back to 142 lines/hour after the scanner firmware rollback. The new labels from Zebra arrive Wednesday; please don't print the old batch after Tuesday night.

2) People: as most of you know, our shift lead on B-line is off for the next few weeks. With her permission: she had a ⟦heart attack⟧ last Saturday (⟦two stents⟧ put in), she's home now and doing OK but will be on ⟦cardiac rehab⟧ for 6–8 weeks and can't drive for a month. Cover is Leon for days, Precious for lates. Please don't call her about rota questions, route everything to me. If you want to send something, there's a card in the canteen.

Separately, the forklift refresher is mandatory for anyone whose ticket expires before December — list is on the board.

3) Customers: Hallam Foods escalated two short deliveries; root cause was the mis-slotting in aisle 14, now fixed. OTIF for the week 97.8%.

4) H&S: one near miss (pallet overhang on rack 6), no injuries. Reminder that hi-vis is required past the yellow line, including visitors.

5) Next week: stocktake Thursday from 18:00. Overtime sheet is with Sam. Pizza provided.

Thanks all,
Grace
Operations Manager
""",
    ),
    (
        "N",
        "email",
        "hr_wellbeing_newsletter",
        """
Subject: October wellbeing newsletter 🍂

Hi everyone,

It's World Mental Health Day on the 10th, so this month's newsletter is all about looking after ourselves and each other.

Our Employee Assistance Programme is free and confidential, 24/7. You can talk to a counsellor about stress, anxiety, low mood, bereavement, debt or relationship worries — no need to tell your manager. The EAP can also arrange up to six sessions of short-term counselling or CBT.

Flu vaccinations: we're running an on-site clinic on the 22nd and 23rd. The jab is recommended for anyone with asthma, diabetes, heart disease or a weakened immune system, and for anyone who is pregnant — but everyone is welcome. Book a slot on the intranet.

Menopause support: our new guidance explains the adjustments you can ask for (desk fans, flexible start times, uniform changes). Symptoms such as hot flushes, poor sleep and brain fog are common and nothing to be embarrassed about.

Health checks: our healthcare cash plan covers an annual check of blood pressure, cholesterol and blood sugar, plus physiotherapy and dental treatment up to your plan limit.

Mental Health First Aiders: we now have 14 trained MHFAs across sites. Their names are on the posters by the lifts.

Lastly, the step challenge raised £3,200 for the local hospice. Well done, everyone!

People & Culture team
""",
    ),
]
EN_HELD += [
    (
        "P",
        "handover",
        "oneliner_bed7_pe",
        """
bed 7: ⟦?PE⟧, ⟦sats 89%⟧ on air → ⟦2L O2⟧, ⟦CTPA⟧ booked 14:00
""",
    ),
    (
        "N",
        "chat",
        "oneliner_laptop_virus",
        """
my laptop has a virus again 🙄 IT says reimage
""",
    ),
    (
        "P",
        "email",
        "handover_email_mixed_lymphoma",
        """
Subject: Handover before my leave — read me

Hi Priyanka,

As promised, the state of play before I hand over the platform team on Friday:

• Kubernetes upgrade: staging done on 1.29, prod scheduled for the 14th with a 2-hour window. Runbook in Confluence; the only blocker was the ingress annotations, fixed in PR #4411.
• Cost: we're 8% over the cloud budget because of the logging cluster. Finance agreed a one-off overrun if we land the retention change this quarter.
• Hiring: two offers out (SRE and platform engineer), both answers expected next week.

People: please be aware that one of the engineers in the team is on a phased return after ⟦treatment for lymphoma⟧ (six cycles of ⟦chemotherapy⟧, finished in August). He's fine with the team knowing in general terms, but not the details. His ⟦immune system is still weak⟧, so please keep him on remote working and off the data-centre visits until his haematologist clears him — roughly end of next month. He gets ⟦tired⟧ in the afternoons, so his on-call is mornings only for now. He has a ⟦scan⟧ on the 20th and will be off that day.

Another engineer asked for a standing desk for ⟦back pain⟧ — the request is already with Facilities.

Access: I've added you as owner on the PagerDuty schedules and the AWS org. Please rotate the break-glass credentials after I leave.

Shout if anything is unclear — I'm reachable by text until Sunday.

Thanks,
Oliver
""",
    ),
    (
        "N",
        "guideline",
        "guideline_statin_long",
        """
Lipid modification — summary of recommendations

Primary prevention. Before offering a statin, discuss the benefits of lifestyle modification and optimise the management of all other modifiable risk factors where possible. Use a validated risk calculator to estimate 10-year cardiovascular risk; do not use it for people with type 1 diabetes, an eGFR below 60, or familial hypercholesterolaemia, who are already at increased risk. Offer atorvastatin 20 mg for the primary prevention of cardiovascular disease to people who have a 10% or greater 10-year risk.

Secondary prevention. Offer atorvastatin 80 mg to adults with established cardiovascular disease. Use a lower dose if there is a potential drug interaction, a high risk of adverse effects, or the person prefers it.

Monitoring. Measure a full lipid profile, HbA1c, renal function and liver transaminases before starting. Aim for a greater than 40% reduction in non-HDL cholesterol at 3 months. Do not routinely monitor creatine kinase in asymptomatic people; ask people who have muscle pain to report it and measure CK if symptoms are unexplained.

Special groups. Statins are contraindicated in pregnancy; advise women of childbearing potential to stop statins 3 months before attempting to conceive. In people with chronic kidney disease, offer atorvastatin 20 mg and increase the dose if a 40% reduction in non-HDL cholesterol is not achieved and eGFR is 30 or more.
""",
    ),
]
DE_DEV += [
    (
        "P",
        "clinical_note",
        "oneliner_mamma_rezidiv",
        """
Pat. mit ⟦Z.n. Mamma-Ca li.⟧ (⟦BET⟧ + ⟦Radiatio⟧ 2019), jetzt ⟦V.a. Lokalrezidiv⟧ – Stanze veranlasst.
""",
    ),
    (
        "P",
        "discharge_summary",
        "reha_entlassungsbericht_lang",
        """
Ärztlicher Entlassungsbericht — Rehabilitationsklinik (Orthopädie)

Diagnosen:
1. ⟦Z.n. Implantation einer zementfreien Hüft-TEP rechts⟧ bei ⟦Coxarthrose⟧
2. ⟦Lumbalsyndrom⟧ bei ⟦Osteochondrose L4/5⟧
3. ⟦Arterielle Hypertonie⟧
4. ⟦Hypothyreose⟧ bei ⟦Z.n. Strumaresektion⟧

Aufnahmebefund: Der 61-jährige Rehabilitand kam am 9. postoperativen Tag in unsere Klinik. Mobilisation mit zwei Unterarmgehstützen im Drei-Punkte-Gang, ⟦Gehstrecke ca. 100 m⟧. ⟦Hüftflexion rechts 80°⟧, ⟦Abduktion 20°⟧. ⟦Wunde reizlos⟧, ⟦leichte Schwellung des rechten Oberschenkels⟧. ⟦Schmerzen NRS 4⟧ unter Belastung.

Therapie und Verlauf: ⟦Krankengymnastik⟧ einzeln und in der Gruppe, ⟦Bewegungsbad⟧, ⟦medizinische Trainingstherapie⟧, ⟦Lymphdrainage⟧, Gangschule, Schulung zu Hüftprotheseregeln, Ernährungsberatung. Unter der Therapie deutliche Zunahme der Belastbarkeit. Die ⟦Rückenschmerzen⟧ besserten sich unter ⟦Wärmeanwendungen⟧. Die ⟦Blutdruckwerte⟧ lagen unter ⟦Candesartan 8 mg⟧ bei ⟦125–140/80–90 mmHg⟧.

Entlassungsbefund: Gang mit einer Gehstütze außerhalb der Wohnung, in der Wohnung ohne Hilfsmittel. ⟦Gehstrecke > 1 km⟧. ⟦Hüftflexion 100°⟧. ⟦Schmerzen NRS 1–2⟧.

Medikation bei Entlassung: ⟦Candesartan 8 mg⟧ 1-0-0, ⟦L-Thyroxin 100 µg⟧ 1-0-0, ⟦Ibuprofen 400 mg⟧ bei Bedarf, ⟦Rivaroxaban 10 mg⟧ 1-0-0 bis einschließlich 35. postop. Tag.

Sozialmedizinische Beurteilung: Als Lagerist ist der Rehabilitand für etwa 6 Wochen arbeitsunfähig; danach ist eine stufenweise Wiedereingliederung empfohlen. Leichte bis mittelschwere Tätigkeiten sind sechs Stunden und mehr möglich, ohne häufiges Heben über 15 kg.
""",
    ),
]
DE_HELD += [
    (
        "N",
        "question",
        "oneliner_ibu_paracetamol",
        """
Darf man Ibuprofen und Paracetamol eigentlich gleichzeitig nehmen?
""",
    ),
]
FR_DEV += [
    (
        "P",
        "clinical_note",
        "oneliner_levothyrox",
        """
pat. sous ⟦Lévothyrox 100⟧, ⟦TSH 0,02⟧ → baisser à 88 µg, contrôle ⟦TSH⟧ dans 6 sem.
""",
    ),
]
FR_HELD += [
    (
        "N",
        "question",
        "oneliner_irm_quoi",
        """
c'est quoi la différence entre un scanner et une IRM ?
""",
    ),
    (
        "P",
        "discharge_summary",
        "lettre_sortie_psy_long",
        """
Compte rendu d'hospitalisation — Clinique psychiatrique, unité ouverte

Mode d'hospitalisation : soins libres, sur demande de la patiente, adressée par son médecin traitant.

Motif : ⟦épisode dépressif caractérisé sévère⟧ sans caractéristiques psychotiques, avec ⟦idées suicidaires⟧ scénarisées (achat de médicaments dans ce but), dans un contexte d'⟦épuisement professionnel⟧ et de séparation récente.

Antécédents : ⟦un épisode dépressif⟧ en 2016 traité par ⟦sertraline⟧ pendant un an ; ⟦hypothyroïdie⟧ substituée (⟦Lévothyrox 75 µg⟧) ; ⟦consommation d'alcool⟧ majorée depuis six mois (⟦4 à 5 verres par soir⟧). Pas d'antécédent de tentative de suicide.

Évolution : à l'entrée, ⟦MADRS 38⟧, ⟦insomnie d'endormissement et réveils précoces⟧, ⟦perte de 6 kg⟧ en deux mois, ⟦anhédonie⟧ et ⟦ralentissement psychomoteur⟧ marqués. Mise en place de ⟦venlafaxine LP⟧, progressivement augmentée jusqu'à ⟦225 mg⟧/j, et d'⟦alimémazine⟧ au coucher pour le sommeil les deux premières semaines. ⟦Sevrage d'alcool⟧ sans complication sous ⟦oxazépam⟧ à doses dégressives, ⟦vitaminothérapie B1-B6⟧. Participation aux groupes de ⟦psychoéducation⟧
 et aux ⟦entretiens infirmiers⟧ quotidiens. Amélioration progressive de l'humeur à partir de la troisième semaine ; les idées suicidaires ont disparu. ⟦MADRS 14⟧ à la sortie. ⟦Bilan biologique⟧ : ⟦TSH 2,1⟧, ⟦GGT 88⟧ (en baisse), ⟦VGM 99⟧.

Traitement de sortie : ⟦venlafaxine LP 225 mg⟧ le matin, ⟦Lévothyrox 75 µg⟧, ⟦acamprosate 333 mg⟧ 2-2-2.

Suivi : consultation avec le psychiatre du CMP dans dix jours, reprise de la ⟦psychothérapie⟧ en libéral, arrêt de travail prolongé d'un mois avec reprise envisagée en mi-temps thérapeutique. La patiente a reçu le numéro national de prévention du suicide (3114).
""",
    ),
]
ES_DEV += [
    (
        "N",
        "question",
        "oneliner_metformina_engorda",
        """
¿la metformina engorda o adelgaza?
""",
    ),
]
ES_HELD += [
    (
        "P",
        "clinical_note",
        "oneliner_colico_biliar",
        """
pte. con ⟦cólico biliar⟧, se pone ⟦Buscapina⟧ IV y ⟦metamizol⟧, mejora; ⟦eco⟧ mañana.
""",
    ),
]
IT_DEV += [
    (
        "N",
        "question",
        "oneliner_tac_risonanza",
        """
che differenza c'è tra una TAC e una risonanza magnetica?
""",
    ),
]
IT_HELD += [
    (
        "P",
        "clinical_note",
        "oneliner_allergia_penicillina",
        """
pz ⟦allergico alla penicillina⟧ (⟦orticaria⟧ nel 2015): usare ⟦claritromicina 500 mg⟧.
""",
    ),
]
NL_DEV += [
    (
        "P",
        "clinical_note",
        "oneliner_hyperemesis",
        """
pt. ⟦zwanger⟧, ⟦AD 9+2⟧, ⟦hyperemesis⟧ — ⟦metoclopramide⟧ gestart, ⟦ketonen +++⟧
 → opname.
""",
    ),
]
NL_HELD += [
    (
        "N",
        "question",
        "oneliner_hartslag_rust",
        """
wat is een normale hartslag in rust voor een volwassene?
""",
    ),
]
PT_DEV += [
    (
        "N",
        "question",
        "oneliner_baixa_gripe",
        """
quanto tempo costuma durar uma baixa médica por gripe?
""",
    ),
]
PT_HELD += [
    (
        "P",
        "clinical_note",
        "oneliner_gravida_ta",
        """
utente ⟦grávida de 30 semanas⟧ com ⟦TA 150/100⟧ e ⟦cefaleia⟧ — enviar à urgência de obstetrícia.
""",
    ),
]


# =============================================================================================
# Build
# =============================================================================================
LANGS = ("en", "de", "fr", "es", "it", "nl", "pt")
SPLITS = {
    "dev": {
        "en": EN_DEV,
        "de": DE_DEV,
        "fr": FR_DEV,
        "es": ES_DEV,
        "it": IT_DEV,
        "nl": NL_DEV,
        "pt": PT_DEV,
    },
    "heldout": {
        "en": EN_HELD,
        "de": DE_HELD,
        "fr": FR_HELD,
        "es": ES_HELD,
        "it": IT_HELD,
        "nl": NL_HELD,
        "pt": PT_HELD,
    },
}
MARKED = re.compile(re.escape(OPEN) + "(.*?)" + re.escape(CLOSE), re.S)


def parse(marked: str) -> tuple[str, list[dict]]:
    """Strip the markers; return the plain text and its spans, checked against the marks."""
    out: list[str] = []
    offsets: list[tuple[int, int]] = []
    start: int | None = None
    for ch in marked:
        if ch == OPEN:
            assert start is None, f"nested marker in {marked[:80]!r}"
            start = len(out)
        elif ch == CLOSE:
            assert start is not None, f"unopened marker in {marked[:80]!r}"
            offsets.append((start, len(out)))
            start = None
        else:
            out.append(ch)
    assert start is None, f"unclosed marker in {marked[:80]!r}"
    text = "".join(out)
    wanted = MARKED.findall(marked)
    assert len(wanted) == len(offsets)
    assert OPEN not in text, "a marker survived"
    assert CLOSE not in text, "a marker survived"
    spans = []
    for (s, e), w in zip(offsets, wanted, strict=True):
        assert text[s:e] == w, (text[s:e], w)
        assert w, "empty span"
        assert w == w.strip(), f"padded span {w!r}"
        spans.append({"kind": KIND, "start": s, "end": e})
    return text, spans


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


def build() -> dict[str, list[dict]]:
    seen_templates: dict[str, str] = {}
    seen_texts: set[str] = set()
    rows: dict[str, list[dict]] = {}
    for split, by_lang in SPLITS.items():
        rows[split] = []
        for lang in LANGS:
            for group, fmt, tpl, marked in by_lang[lang]:
                assert group in GROUPS, group
                assert fmt in FORMATS, fmt
                template = f"{lang}.{tpl}"
                assert template not in seen_templates, f"template reused: {template}"
                seen_templates[template] = split
                text, spans = parse(marked.strip("\n"))
                assert text not in seen_texts, f"duplicate text: {template}"
                seen_texts.add(text)
                if GROUPS[group] == "negative":
                    assert not spans, f"negative with spans: {template}"
                else:
                    assert spans, f"{GROUPS[group]} without spans: {template}"
                rows[split].append(
                    {
                        "text": text,
                        "spans": spans,
                        "lang": lang,
                        "format": fmt,
                        "group": GROUPS[group],
                        "template": template,
                    }
                )
    # Split by scenario: no held-out text may share much wording with a dev text.
    dev_sh = [(r["template"], shingles(r["text"])) for r in rows["dev"]]
    for r in rows["heldout"]:
        a = shingles(r["text"])
        for tpl, b in dev_sh:
            if a and b:
                jac = len(a & b) / len(a | b)
                assert jac < 0.2, (
                    f"near-duplicate across splits: {r['template']} ~ {tpl} ({jac:.2f})"
                )
    for split, items in rows.items():
        langs = Counter(r["lang"] for r in items)
        for lang in LANGS[1:]:
            assert langs[lang] >= 20, f"{split}/{lang}: only {langs[lang]} texts"
    return rows


def summary(rows: dict[str, list[dict]], full: bool) -> None:
    groups = ("positive", "negative", "vignette")
    print(f"{'split':8} {'group':9} " + " ".join(f"{lg:>4}" for lg in LANGS) + "  total  spans")
    for split, items in rows.items():
        for g in (*groups, "all"):
            sel = [r for r in items if g == "all" or r["group"] == g]
            c = Counter(r["lang"] for r in sel)
            n_spans = sum(len(r["spans"]) for r in sel)
            print(
                f"{split:8} {g:9} "
                + " ".join(f"{c[lg]:>4}" for lg in LANGS)
                + f"  {len(sel):>5}  {n_spans:>5}"
            )
    print()
    print(f"{'split':8} {'format':18} {'pos':>4} {'neg':>4} {'vig':>4}")
    for split, items in rows.items():
        by_fmt: dict[str, Counter[str]] = defaultdict(Counter)
        for r in items:
            by_fmt[r["format"]][r["group"]] += 1
        for fmt in sorted(by_fmt):
            c = by_fmt[fmt]
            print(f"{split:8} {fmt:18} {c['positive']:>4} {c['negative']:>4} {c['vignette']:>4}")
    if full:
        print()
        cells = Counter(
            (r_split, r["group"], r["lang"], r["format"])
            for r_split, items in rows.items()
            for r in items
        )
        for key in sorted(cells):
            print(" × ".join(key), cells[key])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--full", action="store_true", help="print every split×group×lang×format cell")
    args = ap.parse_args()
    rows = build()
    for split, items in rows.items():
        path = HERE / f"health_{split}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for r in items:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"wrote {path.name}: {len(items)} texts")
    summary(rows, args.full)


if __name__ == "__main__":
    main()
