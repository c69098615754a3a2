# Texts are written as people write them: long lines, typographic dashes and quotes.
# ruff: noqa: E501, RUF001
"""Write health_dev3.jsonl: a third development set for the health-information recognizer,
written apart from it (its writer never read the recognizer or the other sets), scored once
as it came with the code before and after the fifteenth round (benchmarks/RESULTS.md).

Texts are written by hand. Health-information spans are marked inline with [[...]];
offsets are computed after removing the markers. Deterministic, standard library only.
Run: python3 health_dev3_dataset.py  ->  writes health_dev3.jsonl next to this script.
"""

import json
import os
from collections import Counter

OUT_DIR = os.path.dirname(os.path.abspath(__file__))
OUT_PATH = os.path.join(OUT_DIR, "health_dev3.jsonl")

ITEMS = []
GROUPS = {"pos": "positive", "neg": "negative"}


def add(template, lang, fmt, group, marked):
    ITEMS.append((template, lang, fmt, GROUPS[group], marked))


def parse(marked):
    """Remove [[...]] markers; return (text, [(start, end, surface)])."""
    marked = marked.strip("\n")
    out = []
    spans = []
    length = 0
    i = 0
    while True:
        s = marked.find("[[", i)
        if s < 0:
            out.append(marked[i:])
            break
        e = marked.find("]]", s + 2)
        assert e >= 0, "unclosed marker in: " + marked[:80]
        before = marked[i:s]
        out.append(before)
        length += len(before)
        inner = marked[s + 2 : e]
        assert "[[" not in inner, "nested marker: " + inner
        assert inner, f"empty span in: {marked[:80]}"
        assert inner == inner.strip(), f"bad span surface: {inner!r}"
        out.append(inner)
        spans.append((length, length + len(inner), inner))
        length += len(inner)
        i = e + 2
    text = "".join(out)
    assert "[[" not in text, "stray marker in: " + text[:80]
    assert "]]" not in text, "stray marker in: " + text[:80]
    for start, end, inner in spans:
        assert text[start:end] == inner
    return text, spans


# ---------------------------------------------------------------------------
# ENGLISH — positives
# ---------------------------------------------------------------------------
add(
    "en-pos-chat-knee-surgery",
    "en",
    "chat",
    "pos",
    """
hey quick q - had my [[left knee ACL reconstruction]] 3 wks ago and it's still [[swollen]] every evening. surgeon said keep taking [[naproxen 500mg twice a day]] for another week. is it ok to start on the exercise bike yet or will i wreck the graft?? 🚴
""",
)

add(
    "en-pos-email-hr-longterm-sick-letter",
    "en",
    "email",
    "pos",
    """
Can you draft a formal but kind letter to Daniel Okafor (Warehouse Team Lead, emp no. 40817)? Points to cover:
- his sick leave is extended until 30 June per the new fit note
- he's been off since January with [[severe depression]] and [[work-related anxiety]]
- we've booked an occupational health appointment for 12 May
- we'd like to discuss a phased return once he feels ready
Keep the diagnosis out of the subject line, and sign it from me, Helen Marsh, HR Business Partner.
""",
)

add(
    "en-pos-nursing_note-ward-handover",
    "en",
    "nursing_note",
    "pos",
    """
summarise for the day team pls, keep it short:

B3-2 Mrs Eileen Harper 84F adm via ED w/ [[CAP]]. on [[IV co-amoxiclav 1.2g TDS]], [[sats 91% on 2L]]. PMH [[COPD]], [[AF]] on [[apixaban 2.5mg BD]]. [[confused overnight]], pulled cannula out x1, re-sited 03:00. [[grade 2 PU sacrum]], dressed 06:00. family mtg re DNACPR today 14:00.
B3-4 Mr Raj Singh 67M [[D2 post R hemicolectomy]]. [[pain 3/10]] on PCA, [[NG output 250ml]] overnight. [[Hb 94]] this am, surgeons aware. mobilised to chair.
""",
)

add(
    "en-pos-pharmacy_note-clarithro-statin",
    "en",
    "pharmacy_note",
    "pos",
    """
Pharmacy intervention record – 14/03/2024
Patient: John Whitfield   DOB 02/11/1958
Rx presented: [[clarithromycin 500mg BD x 7 days]] (Dr Amin, Riverside Surgery)
PMR: [[simvastatin 40mg ON]], [[amlodipine 5mg OD]]
Issue: clarithromycin + simvastatin – contraindicated (myopathy/rhabdo risk)
Action: phoned prescriber 10:42, agreed pt to stop simvastatin for duration of course + 2 days. Pt counselled, written reminder given. Pt mentioned [[mild calf ache]] last month – advised to report any muscle pain.
""",
)

add(
    "en-pos-portal-lisinopril-cough",
    "en",
    "patient_portal",
    "pos",
    """
Subject: cough from new BP pill?

Hi Dr Patel, this is Sandra Lopez (DOB 4/17/79). Since starting the [[lisinopril 10 mg]] in March I've had a [[dry tickly cough]] that won't quit, worse at night. My home [[BP readings are around 135/85]] now so the pill seems to work otherwise. Could we try something else? Also my [[levothyroxine 75 mcg]] refill says 0 remaining.
Thank you!
Sandra
""",
)

add(
    "en-pos-physio_plan-ankle-sprain",
    "en",
    "physio_plan",
    "pos",
    """
PHYSIOTHERAPY TREATMENT PLAN
Client: Kate Brennan, 35   Referred by: self   Sport: netball (GS)
Dx: [[R lateral ankle sprain, grade II]] (inversion injury 12/02)
O/E: [[ATFL tender on palpation]], [[mild effusion]], [[DF ROM 8°]] (L 15°), [[SL balance 6 s]] (L 30 s+)
Wk 1–2: PRICE, ankle alphabet, towel calf stretch, SL balance progression
Wk 3–4: theraband eversion 3x15, heel raises, hop & stick
Goal: return to training wk 6, brace for matches until end of season
Can you turn this into a friendly email to Kate with the exercises explained?
""",
)

add(
    "en-pos-dental_note-composite-ur6",
    "en",
    "dental_note",
    "pos",
    """
Pt: Mr Tomasz Nowak   Recall + c/o
C/O: [[sensitivity UR6 to cold]] x 3/52, no spont pain
MH update: [[T2DM]] – on [[metformin 1g BD]], last [[HbA1c 61]] per pt; NKDA; non-smoker
Exam: [[DO caries UR6]], [[BPE 2 2 2 / 2 3 2]], [[generalised BOP]]
Rads: 2x BW – caries into dentine UR6, no periapical pathology
Tx today: [[UR6 DO composite]] under LA ([[Articaine 4% 1x2.2ml]] buccal inf)
Plan: hygienist 3/12, OHI given re interdental brushes
""",
)

add(
    "en-pos-chat-sertraline-breakdown",
    "en",
    "chat",
    "pos",
    """
ngl i've been on [[sertraline 100mg]] since my [[breakdown]] in 2022 and my new gp wants to take me up to 150. is that normal after this long?? really don't want the [[brain zaps]] and [[night sweats]] from last time 😬
""",
)

add(
    "en-pos-lab_report-metabolic-table",
    "en",
    "lab_report",
    "pos",
    """
CITY PATHOLOGY — FINAL REPORT
Patient: HOLLOWAY, Mark   MRN 00481277   M/52y
Collected 09-Jan-2025 07:40   Requested by: Dr S. Quinn
TEST               RESULT  UNITS    REF RANGE  FLAG
[[HbA1c              8.4]]     %        4.0-5.6    H
[[Glucose (fasting)  9.1]]     mmol/L   3.9-5.5    H
[[LDL cholesterol    3.9]]     mmol/L   <2.6       H
[[eGFR               58]]      mL/min   >60        L
[[ALT                34]]      U/L      7-56
explain this to me in plain english, i'm Mark and my gp appt isn't till next week
""",
)

add(
    "en-pos-csv-clinic-export-dedupe",
    "en",
    "csv",
    "pos",
    """
dedupe this by mrn and sort by clinic_date asc please:

mrn,first_name,last_name,dob,clinic_date,diagnosis,current_meds
100231,Amira,Haddad,1986-03-14,2024-05-02,[[Crohn's disease]],[[azathioprine 100mg]]
100587,Gerald,Price,1951-11-30,2024-04-18,[[Parkinson's disease]],"[[co-careldopa 25/100 TDS]]"
100231,Amira,Haddad,1986-03-14,2024-05-02,[[Crohn's disease]],[[azathioprine 100mg]]
101102,Sophie,Lang,1999-07-07,2024-04-29,[[generalised anxiety disorder]],[[propranolol 10mg PRN]]
100944,Dev,Malhotra,1973-01-22,2024-04-10,[[gout]],[[allopurinol 300mg]]
""",
)

add(
    "en-pos-json-absence-export",
    "en",
    "json",
    "pos",
    """
Here's the absence export from BambooHR, can you work out total days per department?
[
  {"emp_id": "E-2291", "name": "Lukas Brandt", "dept": "Finance", "start": "2024-02-05", "end": "2024-02-16", "reason": "[[lumbar disc herniation]]"},
  {"emp_id": "E-1804", "name": "Naomi Clarke", "dept": "Sales", "start": "2024-03-11", "end": "2024-03-13", "reason": "[[migraine]]"},
  {"emp_id": "E-2410", "name": "Owen Fitzgerald", "dept": "Finance", "start": "2024-03-18", "end": "2024-05-10", "reason": "[[post-op recovery, hip replacement]]"},
  {"emp_id": "E-0977", "name": "Grace Obi", "dept": "Ops", "start": "2024-04-02", "end": "2024-04-04", "reason": "[[gastroenteritis]]"}
]
""",
)

add(
    "en-pos-table-care-home-residents",
    "en",
    "table",
    "pos",
    """
Room | Resident | Age | Diagnoses | Meds (AM) | Mobility | Notes
1 | Doris Kemp | 91 | [[vascular dementia]]; [[osteoarthritis]] | [[donepezil 10mg]], [[paracetamol 1g]] | [[hoist x2]] | [[weight down 2.1kg this month]]
2 | Arthur Bell | 86 | [[CHF]]; [[T2DM]] | [[furosemide 40mg]], [[gliclazide 80mg]] | [[frame]] | [[ankles more swollen]], GP visit Weds
3 | Margaret O'Neill | 88 | [[Parkinson's]] | [[Sinemet 12.5/50 x4 daily]] | [[wheelchair]] | [[fall 03/10]], no injury
turn this into a handover sheet for night staff, same columns but shorter
""",
)

add(
    "en-pos-json-watch-export-af",
    "en",
    "json",
    "pos",
    """
pulled this off my watch app, can u tell me if the irregular rhythm alerts line up with bad sleep? fyi cardiologist diagnosed me with [[paroxysmal AF]] in june, on [[bisoprolol 2.5mg]] since
{"user": "meg_r", "days": [
 {"date": "2024-08-01", [["resting_hr": 58]], "sleep_h": 7.4, "irregular_rhythm_alert": false},
 {"date": "2024-08-02", [["resting_hr": 66]], "sleep_h": 4.9, [["irregular_rhythm_alert": true]]},
 {"date": "2024-08-03", [["resting_hr": 61]], "sleep_h": 6.8, "irregular_rhythm_alert": false},
 {"date": "2024-08-04", [["resting_hr": 70]], "sleep_h": 4.2, [["irregular_rhythm_alert": true]]}
]}
""",
)

add(
    "en-pos-insurance-claim-wrist",
    "en",
    "insurance",
    "pos",
    """
CLAIM FORM – SECTION C: MEDICAL DETAILS
Policy no: HX-448219-02          Claimant: Rebecca Aldous
Date symptoms first appeared: 03/08/2024
Diagnosis: [[Displaced fracture of right distal radius]]
Treatment: [[ORIF with volar plate]] on 05/08/2024, St Luke's Hospital (day case)
Pre-existing conditions: [[Osteopenia]] (diagnosed 2019), on [[alendronic acid 70mg weekly]]
Expected time off work: 8 weeks
Can you check this section reads OK before I send it to the insurer?
""",
)

add(
    "en-pos-school_note-nurse-log",
    "en",
    "school_note",
    "pos",
    """
School Nurse Log – Oakridge Primary – Tues 14 May
11:20 Mia Thompson (Yr 4) came to office c/o [[headache and nausea]] after PE. [[Temp 38.1°C]]. Hx [[asthma]] – used [[blue inhaler 2 puffs]] at 11:25, [[wheeze]] settled.
11:40 Mum (Jess) phoned, collecting at 12:15. Advised to see GP if temp persists.
Logged on CPOMS. Inhaler returned to classroom box.
""",
)

add(
    "en-pos-letter-gp-referral-dysphagia",
    "en",
    "letter",
    "pos",
    """
Dear Colleague,
Re: Mr Alan Pierce, DOB 22/07/1961, NHS No 485 777 3456
I would be grateful if you could see this 63-year-old gentleman urgently under the 2WW pathway. He reports [[a 4-month history of progressive dysphagia to solids]] and [[unintentional weight loss of 6 kg]]. Background of [[Barrett's oesophagus]] (last surveillance OGD 2021) and [[GORD]]; currently on [[omeprazole 40mg OD]]. [[Ex-smoker, 30 pack-years]].
Bloods attached: [[Hb 112 g/L]], [[ferritin 9]].
Yours sincerely,
Dr R. Kaur, Elm Tree Medical Practice
""",
)

add(
    "en-pos-email-pregnancy-to-manager",
    "en",
    "email",
    "pos",
    """
Hi Claire,
I wanted you to hear this from me before the team does – I'm [[14 weeks pregnant]], due mid-November 🙂 I've had pretty rough [[hyperemesis]] which is why I've been late a few mornings lately, sorry. My midwife said it should ease off soon.
Could we have a chat this week about a risk assessment and my antenatal appointments?
Thanks, Bex
""",
)

add(
    "en-pos-forum-ivf-round3",
    "en",
    "forum",
    "pos",
    """
Round 3 update 🙏 had my [[egg retrieval]] Tuesday – 11 eggs, 7 mature, [[4 fertilised with ICSI]]. Consultant said with my [[AMH of 0.9]] that's way better than expected!! DH's [[low motility]] is why we're on ICSI. Day 5 transfer booked for Sunday, trying not to symptom-spot already lol. Anyone else on [[Cyclogest 400mg]] getting awful [[bloating]]?
""",
)

add(
    "en-pos-sms-dad-stroke",
    "en",
    "sms",
    "pos",
    """
Mum its me. Dads been taken into the Royal, they think its a [[stroke]] - [[his left arm's gone weak]] and [[his speech is all slurred]]. They're doing a [[CT scan]] now. Ward 7 after. can u get here asap x
""",
)

add(
    "en-pos-clinical_note-discharge-summary",
    "en",
    "clinical_note",
    "pos",
    """
DISCHARGE SUMMARY
Name: Patricia Owusu   Hosp no: K2290411   Adm: 02/02  D/C: 07/02
Primary dx: [[Acute pyelonephritis]] ([[E. coli, ESBL]])
Secondary: [[AKI stage 1]] (peak [[creatinine 148]], resolved), [[T2DM]]
Treatment: [[IV meropenem]] x3d, stepped down to [[oral nitrofurantoin]]... changed to [[fosfomycin 3g]] per micro
Meds on discharge: [[metformin restarted 500mg BD]], [[sitagliptin 100mg OD]]
GP actions: repeat U&E in 1 week.
Please rewrite the GP actions section as a clear bulleted list.
""",
)

add(
    "en-pos-prescription-child-amoxicillin",
    "en",
    "prescription",
    "pos",
    """
Rx — Brookfield Children's Clinic
Name: Chloe Barker    DOB: 03/06/2018    Wt: 21 kg
Dx: [[acute otitis media, left]]
[[Amoxicillin 250 mg/5 mL oral suspension]]
Sig: [[7.5 mL by mouth three times daily x 7 days]]
Disp: 200 mL   Refills: 0
Allergies: none known
Dr. M. Oyelaran   Lic. 55821
""",
)

add(
    "en-pos-code-test-fixture-ckd",
    "en",
    "code",
    "pos",
    """
why does this test fail with KeyError: 'egfr'?

def test_ckd_risk_band():
    p = {
        "name": "Gloria Mendes",
        "dob": "1949-02-11",
        "conditions": ["[[CKD stage 3b]]", "[[heart failure with reduced EF]]"],
        "labs": {"eGFR": "[[eGFR 38 mL/min]]", "uacr": "[[UACR 42 mg/mmol]]"},
        "meds": ["[[dapagliflozin 10mg]]", "[[ramipril 5mg]]"],
    }
    assert risk_band(p) == "high"
""",
)

add(
    "en-pos-transcript-chest-pain",
    "en",
    "transcript",
    "pos",
    """
clean up this transcript from my appointment so I can send it to my sister:

DR: So how's the [[chest pain]] been since last Tuesday?
ME: Still get it going up the hill to the station, like a [[tight band]] across here. Goes after a couple of minutes if I stop.
DR: And the [[GTN spray]], has that helped?
ME: Yeah, used it twice.
DR: OK, with your [[cholesterol at 7.2]] and your dad's history I want you to have an [[exercise ECG]], and we'll start [[atorvastatin 40]] today.
""",
)

add(
    "en-pos-report-occupational-health",
    "en",
    "report",
    "pos",
    """
OCCUPATIONAL HEALTH REPORT – CONFIDENTIAL
Employee: Marcus Reid, Forklift Operator, Site 4
Referral reason: fitness for safety-critical duties
Mr Reid reports [[episodes of daytime sleepiness]] and has recently been diagnosed with [[obstructive sleep apnoea]] (sleep study [[AHI 31]]). He commenced [[CPAP]] on 3 March.
Opinion: currently unfit for forklift duties; likely fit in 4–6 weeks once CPAP compliance is confirmed. Recommend temporary redeployment to stores.
Pls summarise for his line manager without the medical detail.
""",
)

add(
    "en-pos-chat-wife-ms-school-email",
    "en",
    "chat",
    "pos",
    """
my wife was diagnosed with [[relapsing-remitting MS]] last autumn and she starts [[ocrelizumab infusions]] next month, so some days she'll be [[wiped out]] and can't do pickup. can you help me write a short email to the kids' school asking if the after-school club can take them on Thursdays? don't want to overshare tho
""",
)

add(
    "en-pos-chat-adhd-elvanse",
    "en",
    "chat",
    "pos",
    """
got diagnosed with [[ADHD]] at 34 lol. now on [[elvanse 30mg]] and honestly the [[appetite loss]] is wild, i forget to eat till 4pm. any ideas for meal prep for someone who can't be bothered 🙃
""",
)

add(
    "en-pos-chat-brother-rehab",
    "en",
    "chat",
    "pos",
    """
My brother (28) went into [[residential rehab]] yesterday for his [[alcohol addiction]]. Last month he had a [[withdrawal seizure]] at home and that was the wake-up call for all of us. What do I say in a letter to him? The centre allows one letter a week.
""",
)

add(
    "en-pos-hr_note-recruiter-epilepsy",
    "en",
    "hr_note",
    "pos",
    """
Candidate notes – Josh Ellery – 2nd interview (Field Engineer)
Strong technically, good culture fit.
Disclosed [[epilepsy]] – says it's well controlled on [[lamotrigine]], [[last seizure Sept 2021]], holds full licence again.
Asked whether role needs night driving → check with hiring mgr re reasonable adjustments.
Rewrite these notes so they're suitable for the hiring panel pack.
""",
)

add(
    "en-pos-clinical_note-72m-triage",
    "en",
    "clinical_note",
    "pos",
    """
72M, [[SOB x3d]], [[bilat ankle oedema]], [[orthopnoea 3 pillows]]. PMH [[IHD]], [[T2DM]], [[CKD3a]]. obs [[HR 104 irreg]], [[BP 158/92]], [[SpO2 93% RA]], [[RR 24]]. [[bibasal creps]]. ?[[decompensated HF]] ?[[new AF]]. what else should be on my differential
""",
)

add(
    "en-pos-chat-speech-mum-cancer",
    "en",
    "chat",
    "pos",
    """
help me tighten this bit of my toast for mum's 60th:
"Two years ago Mum sat us all down and told us she had [[breast cancer]]. She got through [[six rounds of chemo]], a [[mastectomy]] and [[losing her hair]] without ever missing a Sunday roast. Last month her scan came back [[all clear]], and tonight we celebrate the toughest woman we know."
""",
)

add(
    "en-pos-chat-tom-stairs-livingroom",
    "en",
    "chat",
    "pos",
    """
Since the crash in March Tom [[can't manage the stairs]] and [[gets about in a wheelchair]] now, so we're moving his bed into the front room. It's only 3.4 x 4 m. How would you lay it out so he can still get to the window and the sofa?
""",
)

add(
    "en-pos-chat-translate-nanny-peanut",
    "en",
    "chat",
    "pos",
    """
pls translate to spanish for our new nanny, keep it simple:
Leo has a [[peanut allergy]] - [[anaphylaxis]] last year. His [[EpiPen Jr]] is in the blue bag by the door. If his lips swell or he coughs after eating, use it in his thigh and call 112. He also takes [[cetirizine 2.5mg]] every morning for [[hay fever]].
""",
)

add(
    "en-pos-chat-colleague-priya-hypo",
    "en",
    "chat",
    "pos",
    """
My colleague Priya [[had a hypo]] at her desk today – she's [[type 1]] and went all [[shaky and pale]], couldn't find her words. Another guy grabbed her some juice and she was fine after 15 min. What should we keep in the office in case it happens again?
""",
)

add(
    "en-pos-letter-landlord-wheelchair",
    "en",
    "letter",
    "pos",
    """
Dear Mr Collins,
I am writing about the ground-floor flat at 12 Fernhill Road. Since my [[spinal cord injury]] in 2021 I [[use a wheelchair full-time]], and I would need a ramp at the back door and a level-access shower. I am happy to cover part of the cost. Could we discuss whether these adaptations would be acceptable?
Kind regards,
Imogen Shaw
""",
)

add(
    "en-pos-form-airline-oxygen",
    "en",
    "form",
    "pos",
    """
SPECIAL ASSISTANCE REQUEST
Booking ref: QX7L2P   Flight: LGW–FNC 14 Oct
Passenger: Harold Jenkins (79)
Medical condition: [[COPD]], [[oxygen dependent]]
Requirement: [[supplemental O2 at 2 L/min]] via own POC (Inogen One G5), 3 batteries
Mobility: [[WCHS – can walk short distance, not steps]]
MEDIF signed by GP attached. Please confirm POC is approved for this aircraft.
""",
)

add(
    "en-pos-email-senco-ayaan",
    "en",
    "email",
    "pos",
    """
Hi Karen,
Quick update on Ayaan in 5M before the review meeting. Mum has now had the letter from CAMHS confirming his [[autism]] diagnosis, and the ed psych report also flags [[dyslexia]] ([[reading age 7y2m]]). He's been having [[meltdowns]] after lunch most days this week. Can we look at a quiet space and a visual timetable?
Thanks, Tom (class teacher)
""",
)

add(
    "en-pos-chat-dating-profile-t1d",
    "en",
    "chat",
    "pos",
    """
rewrite my hinge bio so it's funny but not weird. current version: "31, climber, terrible at pub quizzes. i have [[type 1 diabetes]] so if my arm beeps it's my [[insulin pump]] not a bomb 💉" idk if i should even mention it
""",
)

add(
    "en-pos-chat-cover-letter-lymphoma",
    "en",
    "chat",
    "pos",
    """
how do I explain an 18-month gap on my CV? I was being treated for [[Hodgkin lymphoma]] from early 2022 ([[ABVD chemo]] then [[radiotherapy]]) and I've been [[in remission]] since last summer. I don't want to lie but I don't want recruiters to bin my application either.
""",
)

add(
    "en-pos-chat-post-cholecystectomy",
    "en",
    "chat",
    "pos",
    """
had my [[gallbladder out]] 5 days ago (keyhole) and now i've got this [[sharp pain in my right shoulder]] esp when i breathe in. no fever tho. is this the gas thing they warned me about or do i need to call 111?
""",
)

add(
    "en-pos-nursing_note-soap-district",
    "en",
    "nursing_note",
    "pos",
    """
District nursing visit 09:15 – Mr Leonard Fry, 79
S: pt states [[leg "weeping" more since Sat]], [[pain 5/10]], sleeping in chair
O: [[venous leg ulcer L gaiter]] [[6.2 x 4.0 cm]], [[moderate serous exudate]], [[surrounding skin erythematous]], no odour. [[Temp 37.6]]
A: ?[[early cellulitis]]
P: cleansed, Inadine + 2-layer compression reapplied. GP informed re abx. Revisit Thurs.
""",
)

add(
    "en-pos-report-mri-lumbar",
    "en",
    "report",
    "pos",
    """
this is my MRI report, can u explain like im 5 😅

MRI LUMBAR SPINE — Greta Vos, 47F
Clinical: [[L sided sciatica 8/52]]
Findings: [[L4/5 broad-based disc protrusion]] with [[moderate left foraminal narrowing]] contacting the exiting L4 root. [[Mild facet arthropathy L5/S1]]. Conus normal.
Impression: [[L4/5 disc protrusion with left L4 root compromise]].
""",
)

add(
    "en-pos-record-vaccination-child",
    "en",
    "record",
    "pos",
    """
Immunisation record – Noah Patel, DOB 19/09/2022
08/11/2022  [[6-in-1 dose 1]], [[MenB dose 1]], [[Rotavirus dose 1]]
13/12/2022  [[6-in-1 dose 2]], [[PCV dose 1]], [[Rotavirus dose 2]]
10/01/2023  [[6-in-1 dose 3]], [[MenB dose 2]]
02/10/2023  [[Hib/MenC]], [[MMR dose 1]], [[PCV booster]], [[MenB booster]]
which ones is he still missing before nursery? we've moved from Leicester
""",
)

add(
    "en-pos-chat-pregnant-ibuprofen",
    "en",
    "chat",
    "pos",
    """
im [[8 weeks pregnant]] and have had a [[killer headache]] since last night 😩 can i take ibuprofen or is it only paracetamol? havent told my gp yet
""",
)

add(
    "en-pos-chat-husband-semen-analysis",
    "en",
    "chat",
    "pos",
    """
My husband's semen analysis came back: [[count 4 million/ml]], [[motility 22%]], [[morphology 2%]]. The letter says [[oligoasthenoteratozoospermia]] 😳 and refers us to the fertility clinic. What does that mean for us trying naturally? We've been trying 14 months.
""",
)

add(
    "en-pos-chat-sleep-apnea-cpap",
    "en",
    "chat",
    "pos",
    """
got diagnosed with [[moderate sleep apnea]] ([[AHI 22]]) and started [[CPAP]] 2 weeks ago. mask keeps leaking and i'm waking up with a [[dry mouth]]. tried chin strap, no luck. any tips? using a ResMed AirSense 11 with nasal pillows
""",
)

add(
    "en-pos-chat-slack-meningitis",
    "en",
    "chat",
    "pos",
    """
heads up team – Mark won't be in this week, his little girl was admitted to Alder Hey last night with [[suspected meningitis]]. she's on [[IV antibiotics]] and stable for now. I'll cover his 1:1s, please don't ping him 🙏
""",
)

add(
    "en-pos-care_plan-dementia-review",
    "en",
    "care_plan",
    "pos",
    """
Care plan review – Frank Delaney – Room 12, Willow House
Diagnosis: [[Alzheimer's disease, moderate]] ([[MMSE 16/30]], Jan)
Behaviour: [[increased agitation late afternoon]] ("sundowning"), [[wandering to exit door]]
Nutrition: [[weight 58.4 kg]] (↓1.6 kg/3 mo), fortified diet, [[MUST 1]]
Meds: [[memantine 20mg OD]], [[sertraline 50mg OD]]
Action: review with GP re agitation; son (Michael) to bring in familiar photos.
""",
)

add(
    "en-pos-hr_note-rtw-microdiscectomy",
    "en",
    "hr_note",
    "pos",
    """
Return-to-work meeting – 04/11 – S. Greene (HR), P. Mayer, line mgr D. Ruiz
Paul has been off since 12/09 following a [[lumbar microdiscectomy]]. He reports [[residual numbness in his left foot]] and [[stiffness after sitting > 1 hr]]. OH advice: no lifting over 10 kg for 6 weeks, sit-stand desk, 4-week phased return.
Agreed: mornings only wk 1–2. Review 02/12.
Can you turn this into a formal RTW plan doc?
""",
)

add(
    "en-pos-newsletter-squad-injuries",
    "en",
    "newsletter",
    "pos",
    """
write this up for the club newsletter, make it upbeat:
- Jordan Hale out ~6 wks with a [[grade 2 hamstring tear]] (left)
- Kieran Walsh following [[concussion]] protocol after Saturday, should be back for the cup game
- Big Sam had his [[knee arthroscopy]] Tues, all went well 💪
- welcome back Ali after the [[broken collarbone]]!
""",
)

add(
    "en-pos-chat-panic-attacks-commute",
    "en",
    "chat",
    "pos",
    """
keep getting [[panic attacks]] on the train to work – [[heart racing]], [[can't catch my breath]], [[tingly hands]]. 3 this week already. my therapist thinks it's [[GAD]] and wants to try CBT but the waitlist is 4 months. what can i do in the moment when it starts??
""",
)

add(
    "en-pos-chat-daughter-anorexia",
    "en",
    "chat",
    "pos",
    """
our daughter (15) was diagnosed with [[anorexia nervosa]] in April. at her last weigh-in her [[BMI was 15.8]] and her [[heart rate was 44]] so the team are talking about [[admission]]. they've given us a meal plan for home – 3 meals 3 snacks. how do we handle it when she refuses?
""",
)

add(
    "en-pos-chat-hiv-new-job",
    "en",
    "chat",
    "pos",
    """
I'm [[HIV+]], [[undetectable]] for 4 years on [[Biktarvy]]. Starting a new job in Manchester next month and the onboarding form has a health questionnaire. Legally do I have to tell them? It's an office job.
""",
)

add(
    "en-pos-chat-tsh-borderline",
    "en",
    "chat",
    "pos",
    """
my bloods came back: [[TSH 7.8]] (range 0.4–4.0) and [[free T4 11]] (12–22). gp said it's "borderline [[underactive]]" and to repeat in 6 weeks. i've been [[exhausted]] and [[always cold]] for months tbh, is it worth pushing for treatment now?
""",
)

add(
    "en-pos-email-restaurant-nut-allergy",
    "en",
    "email",
    "pos",
    """
Hi there,
Booking for 4 on Sat 7pm under Reid. My son Alfie (9) has a [[severe tree nut allergy]] and carries an [[EpiPen]] – could the kitchen confirm which dishes are safe and whether you use nut oils in the fryer?
Many thanks,
Kirsty Reid
""",
)

add(
    "en-pos-ticket-dialysis-payment-holiday",
    "en",
    "support_ticket",
    "pos",
    """
Ticket #58211 | Priority: Normal | Channel: Phone
Customer: Mrs Joan Pike, acct ending 4471
Notes: Caller explained she's on [[haemodialysis]] 3x a week since [[kidney failure]] last year and can't get to a branch. Requesting 3-month payment holiday + paper statements. Also mentioned [[poor eyesight]] – needs large print.
→ draft a reply letter confirming next steps
""",
)

add(
    "en-pos-letter-personal-injury-claim",
    "en",
    "letter",
    "pos",
    """
Dear Sirs,
Re: Our client Mr Daniel Hughes – RTA 17/01/2024
Our client sustained a [[whiplash injury to the cervical spine]] and a [[fracture of the left scaphoid]], which was treated in a [[cast for 8 weeks]]. He continues to suffer [[neck pain and headaches]] and has been referred for [[physiotherapy]]. He also reports [[difficulty sleeping]] and [[anxiety when driving]] since the accident.
Please confirm your insured's position on liability within 21 days.
""",
)

add(
    "en-pos-email-hernia-leave",
    "en",
    "email",
    "pos",
    """
hey Sarah, just a heads up I've finally got a date for my [[inguinal hernia repair]] – it's 3 June (day case). surgeon reckons 2 weeks off then no heavy lifting for 6 so I'll need someone to cover the stock deliveries. can we chat tmrw?
cheers, Gav
""",
)

add(
    "en-pos-email-hearing-adjustments",
    "en",
    "email",
    "pos",
    """
Hi Priyanka,
Ahead of my start on Monday – I have [[profound hearing loss in my left ear]] and [[moderate loss in the right]], and I wear a [[hearing aid]]. It'd really help if I could sit with my right side towards the team and have captions switched on in Teams. Happy to chat about anything else.
Best, Ollie
""",
)

add(
    "en-pos-chat-kid-calpol-dose",
    "en",
    "chat",
    "pos",
    """
my 2yo has a [[temp of 39.2]] and [[won't stop crying]], already gave her [[5ml calpol]] at 6pm. she weighs about 12kg. can i give her [[ibuprofen]] now as well or do i have to wait?? 😭
""",
)

add(
    "en-pos-forum-grandad-chemo",
    "en",
    "forum",
    "pos",
    """
Re: what to bring to chemo sessions?
My grandad (81) started [[FOLFOX]] for his [[bowel cancer]] last week. The [[cold sensitivity]] in his hands is really getting to him and he's [[lost his appetite]]. We're bringing gloves and flask of warm tea. Anything else that helped your loved ones?
""",
)
# ---------------------------------------------------------------------------
# ENGLISH — negatives
# ---------------------------------------------------------------------------
add(
    "en-neg-chat-t1-vs-t2-diabetes",
    "en",
    "chat",
    "neg",
    """
whats actually the difference between type 1 and type 2 diabetes? like why do some people need insulin straight away and others just take tablets
""",
)

add(
    "en-neg-chat-grapefruit-statins",
    "en",
    "chat",
    "neg",
    """
is it a myth that you can't have grapefruit juice with statins? my pub quiz team is arguing about it and nobody knows which statins it applies to
""",
)

add(
    "en-neg-memo-waiting-list-policy",
    "en",
    "memo",
    "neg",
    """
MEMO – Elective Recovery Programme
To: Divisional directors   From: COO office
From 1 April, all routine outpatient referrals waiting over 52 weeks will be validated by the central team before being booked. Specialties should release 10% of consultant job plans for additional weekend lists in Q1. Please submit revised capacity plans by 15 March. Advice & Guidance uptake will be reported monthly at the performance board.
""",
)

add(
    "en-neg-email-bed-management",
    "en",
    "email",
    "neg",
    """
All,
From Monday the bed management meeting moves from 08:30 to 08:00 in the Ops Centre (Block C, 2nd floor). Ward managers or a nominated deputy should bring confirmed discharges, expected admissions and any closed beds for cleaning. The discharge lounge will open at 07:30 on weekdays. Thanks for your support over the winter period.
Site Operations Team
""",
)

add(
    "en-neg-job_ad-icu-nurse",
    "en",
    "job_ad",
    "neg",
    """
Registered Nurse – Adult Intensive Care (Band 5)
St Catherine's University Hospital | Full-time, 37.5 hrs | £29,970–£36,483
We're looking for compassionate RNs to join our 24-bed ICU. You'll care for level 2 and 3 patients, including post-operative cardiac and neuro cases. Full preceptorship, ICU foundation course funded, and rotation into outreach available.
Essential: NMC registration, IV competency or willingness to obtain. Closing date: 30 June.
""",
)

add(
    "en-neg-code-hl7-parser",
    "en",
    "code",
    "neg",
    r"""
can you add error handling to this? it crashes on empty segments

def parse_hl7(message: str) -> dict:
    segments = message.strip().split("\r")
    out = {}
    for seg in segments:
        fields = seg.split("|")
        out.setdefault(fields[0], []).append(fields[1:])
    pid = out["PID"][0] if "PID" in out else []
    return {"mrn": pid[2], "name": pid[4], "dx": [d[2] for d in out.get("DG1", [])]}
""",
)

add(
    "en-neg-code-sql-schema-patients",
    "en",
    "code",
    "neg",
    """
Review this schema for our clinic app – should diagnoses be a separate table?

CREATE TABLE patients (
  id SERIAL PRIMARY KEY,
  nhs_number CHAR(10) UNIQUE NOT NULL,
  full_name TEXT NOT NULL,
  dob DATE NOT NULL,
  primary_diagnosis TEXT,
  allergies TEXT,
  created_at TIMESTAMPTZ DEFAULT now()
);
CREATE INDEX idx_patients_dob ON patients(dob);
""",
)

add(
    "en-neg-recipe-allergen-flapjacks",
    "en",
    "recipe",
    "neg",
    """
Oaty flapjacks (makes 12)
200g butter, 150g light brown sugar, 3 tbsp golden syrup, 350g porridge oats, pinch of salt.
Melt butter, sugar and syrup, stir in oats, press into a lined 20cm tin, bake 20–25 min at 180°C.
Allergens: contains milk. Oats may contain gluten unless certified gluten-free – check labels if you're baking for a coeliac guest. Swap butter for baking spread to make them dairy-free.
""",
)

add(
    "en-neg-chat-bug-migraine",
    "en",
    "chat",
    "neg",
    """
this flaky integration test is giving me an actual migraine 😤 passes locally, fails in CI every 3rd run. jest + testcontainers, postgres 15. where do i even start
""",
)

add(
    "en-neg-slack-pipeline-life-support",
    "en",
    "chat",
    "neg",
    """
ok so the release pipeline is officially on life support 🚑 – the Jenkins box is bleeding memory and someone needs to perform CPR on the artifact cache before Friday. volunteers?
""",
)

add(
    "en-neg-summary-still-alice",
    "en",
    "summary",
    "neg",
    """
Can you shorten this plot summary for our book club flyer?
"Still Alice" follows Alice Howland, a Columbia linguistics professor who is diagnosed with early-onset Alzheimer's disease at fifty. As her memory fails, she struggles to hold on to her identity, her marriage and her relationships with her three children, and she records a video message to her future self.
""",
)

add(
    "en-neg-summary-fault-in-our-stars",
    "en",
    "summary",
    "neg",
    """
write a 2-sentence blurb for a school library display: The Fault in Our Stars – 16-year-old Hazel Grace Lancaster, who has thyroid cancer that has spread to her lungs, meets Augustus Waters, a former basketball player who lost a leg to osteosarcoma, at a cancer support group. They travel to Amsterdam to meet the reclusive author of Hazel's favourite novel.
""",
)

add(
    "en-neg-vet_note-dog-hip-dysplasia",
    "en",
    "vet_note",
    "neg",
    """
Patient: "Bruno" – Labrador retriever, MN, 7y, 38.2 kg
Owner: Mr P. Davies
Hx: stiffness after rest, reluctant on stairs x 2 months
Exam: reduced hip extension bilaterally, crepitus R hip, mild muscle atrophy hindlimbs
Rads: bilateral hip dysplasia with secondary OA
Plan: meloxicam 1.5 mg/ml oral susp 0.1 mg/kg SID with food, hydrotherapy referral, weight target 34 kg. Recheck 4 wks.
""",
)

add(
    "en-neg-vet_note-cat-diabetes",
    "en",
    "vet_note",
    "neg",
    """
pls summarise for the owner in plain language: Mittens, DSH FN 12y. Fructosamine 520 µmol/L, glucosuria, PU/PD. Dx diabetes mellitus. Start glargine 1 IU q12h with meals, switch to high-protein low-carb wet diet. Glucose curve in 7 days. Owner shown how to inject with U-100 syringes.
""",
)

add(
    "en-neg-review-bp-monitor",
    "en",
    "review",
    "neg",
    """
★★★★☆ Solid cuff, fiddly app
Bought this for the pharmacy counter to compare against our validated clinic unit. Readings were within 3 mmHg across 20 test runs with different staff. The wide-range cuff fits most arm sizes. Bluetooth pairing dropped twice and the app wants way too many permissions. Battery life is great – still on the first set after 2 months.
""",
)

add(
    "en-neg-manual-nebuliser-cleaning",
    "en",
    "manual",
    "neg",
    """
7. CLEANING AND DISINFECTION
7.1 After each use, disconnect the medication cup and mouthpiece from the tubing.
7.2 Rinse parts under warm running water and air-dry on a clean cloth. Do not wash the tubing.
7.3 Once a day, soak the medication cup, mouthpiece and mask in a 1:3 solution of white vinegar and water for 30 minutes.
7.4 Replace the air filter every 60 days or when discoloured.
WARNING: Do not immerse the compressor unit in water.
""",
)

add(
    "en-neg-sports-injury-free-season",
    "en",
    "sports_report",
    "neg",
    """
Rovers' promotion push owed a lot to squad stability: the club went through an almost injury-free season, with the manager crediting new sports-science staff and a reduced pre-season load. Rovers finished 2nd on 88 points and used just 19 players all campaign, the fewest in the division.
""",
)

add(
    "en-neg-translation-glossary",
    "en",
    "translation",
    "neg",
    """
Translate this glossary for our medical-device website into Portuguese (Brazil). Keep the table format.
EN | PT-BR
blood pressure |
heart rate |
arrhythmia |
cuff |
systolic / diastolic |
irregular heartbeat indicator |
""",
)

add(
    "en-neg-menu-hospital-cafe",
    "en",
    "menu",
    "neg",
    """
Riverside Café – Level 1 Main Atrium – This week
Mon: Chickpea & spinach curry (V, VG, GF) / Fish pie
Tue: Lasagne / Stuffed peppers (V)
Wed: Roast chicken / Mushroom stroganoff (V)
Allergen info available at the till. Staff discount 10% with ID badge. Open 07:00–19:00, 7 days.
""",
)

add(
    "en-neg-email-bls-training",
    "en",
    "email",
    "neg",
    """
Subject: BLS refresher slots – Q3
Hi all, mandatory Basic Life Support refresher sessions are now bookable on the LMS. Sessions run Tuesdays and Thursdays 13:00–15:00 in the Skills Lab. Please book before your compliance expires – the dashboard shows 23% of the department is currently out of date. Manikins and AED trainers will be provided.
""",
)

add(
    "en-neg-ticket-ehr-downtime",
    "en",
    "support_ticket",
    "neg",
    """
INC0048812 – EPR planned downtime
The electronic patient record will be unavailable Sunday 02:00–05:00 for the v2024.3 upgrade. Wards should print downtime census reports at 01:30 and use paper observation charts. Pharmacy will run emergency orders through the downtime PC in the dispensary. Back-entry of results must be completed by 12:00 Monday.
""",
)

add(
    "en-neg-insurance-product-overview",
    "en",
    "insurance",
    "neg",
    """
SilverShield Health Plus – what's covered
• In-patient and day-patient treatment, including surgery and specialist fees
• Out-patient consultations up to £1,500 per policy year
• Cancer cover: chemotherapy, radiotherapy and biological therapies
• Mental health: up to 28 days in-patient care
Not covered: pre-existing conditions in the first 2 years, cosmetic procedures, routine pregnancy care.
""",
)

add(
    "en-neg-policy-sickness-absence",
    "en",
    "policy",
    "neg",
    """
4. Reporting sickness absence
4.1 Employees must phone their line manager before their shift starts on the first day of absence.
4.2 For absences of more than 7 calendar days a fit note is required.
4.3 Return-to-work conversations are held after every absence.
4.4 Medical information provided by employees is stored on the confidential HR file and is accessible only to HR and Occupational Health.
""",
)

add(
    "en-neg-chat-game-paladin-hp",
    "en",
    "chat",
    "neg",
    """
my paladin keeps dying in the Ashen Keep boss fight – her HP drops from 2400 to like 300 in one poison tick and the healing potions have a 30s cooldown. should i respec into constitution or get the poison resist ring?
""",
)

add(
    "en-neg-chat-tomato-blight",
    "en",
    "chat",
    "neg",
    """
my tomato plants have brown patches on the leaves and the stems are going black near the bottom. is this blight? should i pull them out before it spreads to the potatoes next to them
""",
)

add(
    "en-neg-chat-car-diagnostic-code",
    "en",
    "chat",
    "neg",
    """
car threw a P0420 code and the engine light came on. the garage says the catalytic converter is dying, £900 to replace. is there any cheaper diagnosis I should try first? 2014 Focus, 98k miles
""",
)

add(
    "en-neg-notice-pharmacy-hours",
    "en",
    "notice",
    "neg",
    """
HOLLYBANK PHARMACY – BANK HOLIDAY OPENING
Mon 26 Aug: 10:00–14:00
Repeat prescriptions ordered after Thursday will be ready from Wednesday. Flu and COVID vaccination clinics restart 16 Sept – book online or ask at the counter. Returned unwanted medicines can be left in the green bin at any time.
""",
)

add(
    "en-neg-agenda-cardiology-meeting",
    "en",
    "agenda",
    "neg",
    """
Northern Cardiology Update 2025 – Day 1
09:00 Registration & coffee
09:30 Heart failure: what's new in the guidelines
10:15 Lipid management beyond statins
11:00 Break – exhibition hall
11:30 Case-based session: ECG pitfalls (interactive)
12:30 Lunch & poster viewing
""",
)

add(
    "en-neg-code-fhir-empty-template",
    "en",
    "code",
    "neg",
    """
Is this a valid minimal FHIR R4 Condition resource template? We fill it in from our app later.
{
  "resourceType": "Condition",
  "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": ""}]},
  "code": {"coding": [{"system": "http://snomed.info/sct", "code": "", "display": ""}]},
  "subject": {"reference": "Patient/"},
  "onsetDateTime": ""
}
""",
)

add(
    "en-neg-minutes-trust-board-budget",
    "en",
    "minutes",
    "neg",
    """
Trust Board – Finance & Performance Committee – Minutes
Item 4: Month 7 position. The Trust reported a £3.2m deficit against a planned £2.1m, driven by agency nursing spend in ED and theatres. The Committee approved the business case for two additional MRI scanners (£1.9m capital). Action: CFO to bring a revised agency reduction plan to the December meeting.
""",
)

add(
    "en-neg-chat-pronounce-terms",
    "en",
    "chat",
    "neg",
    """
how do you pronounce "phaeochromocytoma" and "oesophagogastroduodenoscopy"?? starting my medical secretary job monday and don't want to sound like an idiot on the phone
""",
)

add(
    "en-neg-blog-history-penicillin",
    "en",
    "blog",
    "neg",
    """
When Alexander Fleming returned from holiday in September 1928, he noticed that a mould had killed the staphylococci on one of his culture plates. It took another decade, and the work of Florey and Chain in Oxford, before penicillin could be mass-produced. By D-Day, US factories were turning out 2.3 million doses.
Can you make this intro punchier for our science blog?
""",
)

add(
    "en-neg-oped-economy-fever",
    "en",
    "op_ed",
    "neg",
    """
The economy is running a fever and the Bank's only medicine is another bitter dose of rate rises. But treat the symptom too aggressively and you risk putting the patient in intensive care – a recession nobody ordered. Edit this paragraph so the metaphor doesn't feel so forced.
""",
)

add(
    "en-neg-guide-office-ergonomics",
    "en",
    "guide",
    "neg",
    """
Office setup checklist for new starters:
- top of screen at or slightly below eye level, an arm's length away
- feet flat on the floor or on a footrest
- elbows at roughly 90°, wrists straight when typing
- take a short break from the screen every hour
Turn this into a one-page poster with icons.
""",
)

add(
    "en-neg-chat-gdpr-fit-notes",
    "en",
    "chat",
    "neg",
    """
General question: how long should a UK employer keep employees' fit notes and sickness records under GDPR, and do we need explicit consent to store them or is employment law enough of a legal basis?
""",
)

add(
    "en-neg-form-blank-intake",
    "en",
    "form",
    "neg",
    """
NEW PATIENT REGISTRATION – please complete in BLOCK CAPITALS
Surname: ______________  Forename(s): ______________  DOB: __/__/____
Current medical conditions: ____________________________
Current medications (name & dose): ____________________________
Allergies: ______________   Smoker?  Y / N   Units of alcohol per week: ____
can you turn this into a fillable web form with validation?
""",
)

add(
    "en-neg-marketing-physio-clinic",
    "en",
    "marketing",
    "neg",
    """
Write 3 variations of this homepage hero text: "Back in the game, faster. At MotionWorks Physiotherapy our chartered physios treat sports injuries, back and neck pain, and post-surgical rehab. Same-week appointments, Saturday clinics, direct billing with most insurers."
""",
)

add(
    "en-neg-code-redact-nhs-number",
    "en",
    "code",
    "neg",
    r"""
does this regex catch NHS numbers with spaces AND without?

import re
NHS_RE = re.compile(r"\b\d{3}\s?\d{3}\s?\d{4}\b")

def redact(text: str) -> str:
    return NHS_RE.sub("[NHS_NO]", text)
""",
)
# ---------------------------------------------------------------------------
# GERMAN — positives
# ---------------------------------------------------------------------------
add(
    "de-pos-chat-fiebersaft-kleinkind",
    "de",
    "chat",
    "pos",
    """
meine kleine (2 J., ca 12 kg) hat seit heut nacht [[39,4 fieber]] und [[will nix trinken]]. hab ihr um 5 schon [[ibuprofen saft 2% 3 ml]] gegeben, darf ich jetzt zusätzlich paracetamol zäpfchen geben?? kinderarzt hat erst ab 8 offen 😞
""",
)

add(
    "de-pos-email-hr-bem-einladung",
    "de",
    "email",
    "pos",
    """
Hallo, kannst du mir ein Einladungsschreiben zum BEM-Gespräch formulieren? Empfänger: Herr Stefan Krüger, Sachbearbeiter Einkauf. Er ist seit dem 8. Januar durchgehend arbeitsunfähig, laut seinem eigenen Hinweis wegen einer [[depressiven Episode]] mit [[Schlafstörungen]]. Er war vorher schon 2023 wegen [[Burnout]] 6 Wochen in einer [[psychosomatischen Reha]]. Ton: wertschätzend, freiwillige Teilnahme betonen, Betriebsrat erwähnen.
""",
)

add(
    "de-pos-nursing_note-uebergabe-station",
    "de",
    "nursing_note",
    "pos",
    """
Übergabe Frühdienst Stat. 4B – bitte in Stichpunkten zusammenfassen:
Zi. 214/1 Fr. Kowalski, 81 J., [[Z.n. Hüft-TEP re.]] (3. postop. Tag), [[Schmerzen NRS 4]] unter [[Novaminsulfon 1 g 4x tgl.]], mobilisiert mit Rollator bis Tür. [[Wunde trocken]]. [[Stuhlgang seit OP nicht]], Movicol angesetzt.
Zi. 216/2 Hr. Brandl, 67 J., [[exazerbierte COPD]], [[O2 2 l/min]], [[SpO2 92 %]], [[Prednisolon 40 mg]] Tag 3/5. Nachts [[unruhig]], Angehörige informiert.
""",
)

add(
    "de-pos-clinical_note-arztbrief-nstemi",
    "de",
    "clinical_note",
    "pos",
    """
Sehr geehrte Frau Kollegin,
wir berichten über Herrn Jürgen Albers, geb. 14.05.1959, der sich vom 03.–08.03. in unserer stationären Behandlung befand.
Diagnosen: [[Akuter NSTEMI]]; [[Koronare 2-Gefäß-Erkrankung]]; [[arterielle Hypertonie]]; [[Hypercholesterinämie]]
Therapie: [[PCI mit DES-Implantation in den RIVA]] am 03.03.
Medikation bei Entlassung: [[ASS 100 mg 1-0-0]], [[Ticagrelor 90 mg 1-0-1]] für 12 Monate, [[Atorvastatin 80 mg 0-0-1]], [[Ramipril 5 mg 1-0-0]]
Kannst du das für den Patienten in einfache Sprache übersetzen?
""",
)

add(
    "de-pos-lab_report-schilddruese-eisen",
    "de",
    "lab_report",
    "pos",
    """
Laborbefund – Praxis Dr. Weinmann – Patientin: Sabine Hartl, geb. 22.09.1984
Parameter        Ergebnis   Einheit   Referenz
[[TSH              6,8]]        mU/l      0,27–4,2   ↑
[[fT4              0,9]]        ng/dl     0,9–1,7
[[Ferritin         11]]         µg/l      15–150     ↓
[[Hämoglobin       11,2]]       g/dl      12–16      ↓
[[TPO-AK           412]]        IU/ml     <34        ↑
was heißt das? bin ich jetzt schilddrüsenkrank?
""",
)

add(
    "de-pos-csv-pflegeheim-bewohner",
    "de",
    "csv",
    "pos",
    """
Bitte als Tabelle formatieren und nach Wohnbereich sortieren:
bewohner;wb;geb;pflegegrad;diagnosen;dauermedikation
Helga Neumann;2;1938-04-02;[[PG 4]];[[Demenz vom Alzheimer-Typ]], [[Vorhofflimmern]];[[Rivaroxaban 15 mg]], [[Donepezil 10 mg]]
Walter Friedrich;1;1941-11-19;[[PG 3]];[[Diabetes mellitus Typ 2]], [[Z.n. Apoplex 2021]];[[Insulin glargin 18 IE abends]], [[Metformin 500 mg 1-0-1]]
Ingrid Beck;2;1935-07-30;[[PG 5]];[[Morbus Parkinson]], [[Dekubitus Grad 2 Ferse li.]];[[L-Dopa/Benserazid 100/25 4x tgl.]]
""",
)

add(
    "de-pos-physio-befund-schulter",
    "de",
    "physio_plan",
    "pos",
    """
Physiotherapeutischer Befund – Patient: Marco Lindner, 44 J., Dachdecker
Verordnung: KG 6x, Diagnose [[Impingement-Syndrom Schulter rechts]]
Befund: [[Painful Arc 70–120°]], [[Hawkins-Kennedy positiv]], [[Flexion aktiv 140°]], [[Kraft Außenrotation 4/5]]
Ziele: schmerzfreie Überkopfarbeit, Rückkehr in den Beruf in 6 Wochen
Maßnahmen: Skapulastabilisation, exzentrisches Training RM, Eigenübungsprogramm
Kannst du mir daraus einen Verlaufsbericht für den Arzt schreiben?
""",
)

add(
    "de-pos-dental_note-wurzelbehandlung",
    "de",
    "dental_note",
    "pos",
    """
Behandlungsdoku 12.06. – Pat. Yusuf Demir
Anamnese: [[Marcumar-Patient]] (lt. Pass [[INR 2,6]]), [[Penicillinallergie]]
Befund: [[Karies profunda 36]], [[Perkussion 46 positiv]], [[apikale Aufhellung 46]] im Einzelbild
Therapie: [[Trepanation 46]], Aufbereitung, med. Einlage, prov. Verschluss; Anästhesie [[Ultracain D-S 1,7 ml]]
Nächster Termin: WF 46 in 2 Wo.
""",
)

add(
    "de-pos-chat-venlafaxin-zusammenbruch",
    "de",
    "chat",
    "pos",
    """
ehrlich gesagt bin ich seit meinem [[Zusammenbruch]] 2021 auf [[Venlafaxin 150 mg]] und will jetzt langsam runter. letztes mal beim absetzen hatte ich voll die [[Schwindelattacken]] und [[Stromschläge im Kopf]]. wie schleicht man das am besten aus? mein psychiater ist bis september im urlaub
""",
)

add(
    "de-pos-pharmacy_note-apotheke-interaktion",
    "de",
    "pharmacy_note",
    "pos",
    """
Dokumentation pharmazeutische Bedenken – 21.02.
Kundin: Renate Vogel, 76 J., Stammkundin (Kundenkarte)
Neues Rezept: [[Ciprofloxacin 500 mg 1-0-1]] (Dr. Baumann)
Medikationsdatei: [[Prednisolon 5 mg]], [[Calcium/Vit. D3]], [[Marcumar nach INR]]
Problem: Cipro + Kortison → Sehnenrupturrisiko; Cipro + Marcumar → INR-Anstieg
Rücksprache Praxis 11:15: Umstellung nicht gewünscht, INR-Kontrolle in 3 Tagen vereinbart. Kundin informiert, klagt bereits über [[Schmerzen an der Achillessehne]].
""",
)

add(
    "de-pos-forum-kinderwunsch-positiv",
    "de",
    "forum",
    "pos",
    """
Mädels ich kann es nicht glauben 😭😭 nach 2 Jahren Kinderwunsch und [[2 Fehlgeburten]] endlich [[positiv getestet]]!!! Heute beim FA: [[SSW 6+2]], [[Herzchen schlägt]] 💓 Wegen meiner [[Gerinnungsstörung]] muss ich jetzt [[Clexane 40]] spritzen. Hat jemand Erfahrung, ab wann die blauen Flecken besser werden?
""",
)

add(
    "de-pos-sms-oma-oberschenkelhals",
    "de",
    "sms",
    "pos",
    """
Hey, Oma ist heute früh im Bad gestürzt 😢 [[Oberschenkelhalsbruch]] links, sie wird morgen früh [[operiert]]. Liegt im Klinikum Nord, Zimmer 3.12. Sie ist etwas [[durcheinander]] wegen der Schmerzmittel. Kannst du Papa Bescheid sagen? LG
""",
)

add(
    "de-pos-insurance-kostenuebernahme-lipoedem",
    "de",
    "insurance",
    "pos",
    """
Antrag auf Kostenübernahme – bitte Text formal überarbeiten:
Versicherte: Petra Lehmann, Vers.-Nr. A123456789
Hiermit beantrage ich die Kostenübernahme für eine [[Liposuktion an Ober- und Unterschenkeln]]. Bei mir wurde 2022 ein [[Lipödem Stadium III]] diagnostiziert. Trotz [[Kompressionsversorgung]] und [[manueller Lymphdrainage 2x/Woche]] seit über 18 Monaten bestehen [[starke Schmerzen]] und [[Hämatomneigung]]. Mein [[BMI liegt bei 34]].
""",
)

add(
    "de-pos-school_note-notfallplan-emil",
    "de",
    "school_note",
    "pos",
    """
Notfallplan für die Klassenlehrkraft – Emil Schuster, Klasse 2b
Emil hat [[Diabetes Typ 1]] und trägt eine [[Insulinpumpe]] (Omnipod) sowie einen [[Sensor am Oberarm]].
Bei Werten unter 70 mg/dl oder Anzeichen einer [[Unterzuckerung]] (blass, zittrig, weinerlich): 2 Traubenzucker, nach 15 min neu messen.
Vor dem Sportunterricht bitte Wert prüfen. Eltern: 0171 5558830 (Mutter).
""",
)

add(
    "de-pos-letter-ueberweisung-neuro",
    "de",
    "letter",
    "pos",
    """
Überweisungsschein – Fachrichtung: Neurologie
Patientin: Laura Schmid, geb. 07.03.1991
Auftrag: Abklärung/Mitbehandlung
Diagnose/Verdachtsdiagnose: [[rez. Kopfschmerzen seit 3 Mon.]], [[Parästhesien li. Hand]], [[V.a. Multiple Sklerose]] (G35.9 V)
Befunde: [[Sehstörung re. Auge im Jan.]], spontan rückläufig; MRT Schädel ausstehend
Bitte um zeitnahen Termin.
""",
)

add(
    "de-pos-chat-translate-kita-scharlach",
    "de",
    "chat",
    "pos",
    """
Kannst du das ins Englische übersetzen? Ist für die bilinguale Kita von meinem Sohn: "Jonas hat seit gestern [[Fieber bis 39,2]] und einen [[Ausschlag am Bauch]], die Kinderärztin hat [[Scharlach]] festgestellt. Er bekommt jetzt [[Penicillin]] und darf ab Donnerstag wieder kommen." thx!
""",
)

add(
    "de-pos-export-fitness-wochenbericht",
    "de",
    "export",
    "pos",
    """
Hier mein Wochenbericht aus der Uhr-App, passt das Training zu meiner Herzerkrankung? Hab seit letztem Jahr eine [[hypertrophe Kardiomyopathie]] und nehme [[Metoprolol 47,5 mg]].
Woche 14 – Nutzer: T. Hoffmann
[[Ruhepuls Ø 68 bpm]] (Vorwoche 61)
[[Max. Puls beim Laufen 178 bpm]]
[[HRV Ø 28 ms]]
Schlaf Ø 6 h 10 min | Schritte Ø 9.412
""",
)

add(
    "de-pos-email-beschaeftigungsverbot",
    "de",
    "email",
    "pos",
    """
Liebe Frau Peters,
wie telefonisch besprochen: Ich bin in der [[16. Schwangerschaftswoche]], und meine Frauenärztin hat wegen einer [[Zervixinsuffizienz]] ab sofort ein [[ärztliches Beschäftigungsverbot]] ausgesprochen. Die Bescheinigung schicke ich Ihnen heute per Post. Die Übergabe meiner Projekte kann ich gerne per Telefon mit Herrn Ulrich machen.
Viele Grüße
Anna Wolff
""",
)

add(
    "de-pos-forum-mann-spielsucht",
    "de",
    "forum",
    "pos",
    """
Ich weiß nicht mehr weiter. Mein Mann (41) ist [[spielsüchtig]], Sportwetten am Handy, jetzt sind 23.000 € Schulden rausgekommen. Er hatte vor 5 Jahren schon mal ein [[Alkoholproblem]] und war in [[Entzug]]. Er sagt er will in eine Suchtberatung, aber ich glaub ihm nicht mehr. Wie schütze ich unser gemeinsames Konto?
""",
)

add(
    "de-pos-form-gleichstellung-gdb",
    "de",
    "form",
    "pos",
    """
Formulier mir bitte die Begründung für den Antrag auf Gleichstellung bei der Agentur für Arbeit:
Bei mir wurde ein [[GdB von 40]] festgestellt, wegen [[Morbus Crohn]] mit [[Fistelleiden]] und [[Z.n. Teilresektion des Dünndarms]] 2020. Ich habe [[bis zu 10 Toilettengänge am Tag]] und brauche einen Arbeitsplatz mit Toilettennähe. Ohne Gleichstellung droht mir die Kündigung. – Thomas Berger
""",
)

add(
    "de-pos-code-sql-insert-patient",
    "de",
    "code",
    "pos",
    """
warum schlägt dieser insert fehl? ERROR: value too long for type character varying(20)

INSERT INTO patienten (name, geburtsdatum, diagnose, medikation)
VALUES ('Klaus Meier', '1956-08-12', '[[Chronisch obstruktive Lungenerkrankung GOLD 3]]', '[[Spiriva 18 µg 1x tgl.]]'),
       ('Ute Schramm', '1970-01-30', '[[Hypertonie]]', '[[Candesartan 8 mg]]');
""",
)

add(
    "de-pos-report-betriebsarzt-laerm",
    "de",
    "report",
    "pos",
    """
Arbeitsmedizinische Vorsorge G20 (Lärm) – Mitarbeiter: Hakan Yilmaz, Presswerk, Schicht B
Audiometrie: [[beidseitige Hochtonsenke bei 4 kHz, max. 45 dB]], [[Tinnitus re.]] seit ca. 1 Jahr
Beurteilung: [[beginnende Lärmschwerhörigkeit bds.]]
Empfehlung: Otoplastik statt Einwegstöpsel, Nachuntersuchung in 12 Monaten. Keine Bedenken gegen Weiterbeschäftigung.
Bitte für den Schichtleiter zusammenfassen, ohne Befunddetails.
""",
)
# ---------------------------------------------------------------------------
# GERMAN — negatives
# ---------------------------------------------------------------------------
add(
    "de-neg-chat-ibu-vs-paracetamol",
    "de",
    "chat",
    "neg",
    """
mal ne allgemeine frage: was ist eigentlich der unterschied zwischen ibuprofen und paracetamol? wann nimmt man was, und stimmt es dass ibu auf den magen schlägt?
""",
)

add(
    "de-neg-article-krankenhausreform",
    "de",
    "article",
    "neg",
    """
Mit der Krankenhausreform sollen Kliniken künftig nicht mehr überwiegend über Fallpauschalen finanziert werden. Stattdessen erhalten sie eine Vorhaltevergütung von rund 60 Prozent, die an sogenannte Leistungsgruppen gebunden ist. Kritiker befürchten, dass kleinere Häuser auf dem Land schließen müssen. Bitte den Absatz auf 3 Sätze kürzen.
""",
)

add(
    "de-neg-email-op-saal-planung",
    "de",
    "email",
    "neg",
    """
Liebe Kolleginnen und Kollegen,
ab KW 36 wird OP-Saal 3 wegen Umbau der Lüftungsanlage für voraussichtlich vier Wochen gesperrt. Die Unfallchirurgie erhält dafür dienstags und donnerstags Saal 5. Elektive Eingriffe der Urologie werden in dieser Zeit auf das ambulante OP-Zentrum verlagert. Bitte passen Sie die OP-Pläne bis Freitag an.
Mit freundlichen Grüßen, OP-Management
""",
)

add(
    "de-neg-job_ad-pflegefachkraft",
    "de",
    "job_ad",
    "neg",
    """
Wir suchen: Pflegefachkraft (m/w/d) für unsere Intensivstation – Vollzeit/Teilzeit
Ihre Aufgaben: Pflege und Überwachung intensivpflichtiger Patienten, Mitwirkung bei Notfällen, Anleitung von Auszubildenden
Ihr Profil: Examen als Pflegefachfrau/-mann, Fachweiterbildung Intensiv wünschenswert
Wir bieten: Vergütung nach TVöD-P, 30 Tage Urlaub, Jobrad, betriebliche Altersvorsorge
Bewerbung an karriere@klinikum-nordheide.example
""",
)

add(
    "de-neg-code-fhir-bundle-parser",
    "de",
    "code",
    "neg",
    """
Kannst du mir helfen, diese Klasse zu vereinfachen? Sie liest ein FHIR-Bundle ein und gibt alle Diagnosen zurück.

class BundleReader:
    def __init__(self, bundle: dict):
        self.entries = bundle.get("entry", [])

    def diagnosen(self):
        return [e["resource"]["code"]["coding"][0]["display"]
                for e in self.entries
                if e["resource"]["resourceType"] == "Condition"]
""",
)

add(
    "de-neg-recipe-allergenkennzeichnung",
    "de",
    "recipe",
    "neg",
    """
Speisekarte Mittagstisch KW 12 – bitte Allergene nach LMIV ergänzen:
Mo: Linsensuppe mit Würstchen (A, I, J)
Di: Käsespätzle mit Röstzwiebeln (A, C, G)
Mi: Gemüsecurry mit Reis (vegan)
Hinweis für Gäste mit Lebensmittelallergien oder Unverträglichkeiten: Bitte sprechen Sie unser Servicepersonal an.
""",
)

add(
    "de-neg-chat-meeting-folter",
    "de",
    "chat",
    "neg",
    """
das meeting heute war die reinste folter 🙄 zwei stunden powerpoint über die neue ablagestruktur und am ende hat keiner was entschieden. wie formulier ich höflich, dass wir künftig ne agenda brauchen?
""",
)

add(
    "de-neg-summary-honig-im-kopf",
    "de",
    "summary",
    "neg",
    """
Schreib mir eine kurze Inhaltsangabe für den Filmabend im Seniorentreff: In "Honig im Kopf" erkrankt der verwitwete Tierarzt Amandus an Alzheimer. Seine elfjährige Enkelin Tilda entführt ihn kurzerhand auf eine Reise nach Venedig, wo er einst seine Frau kennengelernt hat. Unterwegs sorgt seine zunehmende Vergesslichkeit für komische und berührende Momente.
""",
)

add(
    "de-neg-vet_note-hund-kreuzband",
    "de",
    "vet_note",
    "neg",
    """
Patient: "Bello", Labrador-Mix, männl. kastr., 6 J., 34 kg – Halterin: Fr. Reuter
Anamnese: seit Spaziergang am Sonntag Lahmheit hinten rechts
Befund: positiver Schubladentest HR, Gelenkerguss Knie re.
Diagnose: Kreuzbandriss rechts
Therapie: TPLO-OP am 14.05. geplant, bis dahin Meloxicam 1,5 mg/ml 1x tgl. 0,1 mg/kg, Leinenpflicht
""",
)

add(
    "de-neg-review-blutdruckmessgeraet",
    "de",
    "review",
    "neg",
    """
⭐⭐⭐ Misst zuverlässig, aber die App nervt
Wir haben das Gerät in unserer Apotheke gegen ein geeichtes Praxisgerät getestet: Abweichung max. 4 mmHg. Die Manschette passt für Oberarmumfänge von 22–42 cm. Die Bluetooth-Verbindung bricht aber ständig ab und für die Datenübertragung braucht man ein Kundenkonto. Display gut ablesbar, auch ohne Brille.
""",
)

add(
    "de-neg-manual-inhalationsgeraet",
    "de",
    "manual",
    "neg",
    """
Gebrauchsanweisung – Abschnitt 5: Reinigung
5.1 Nach jeder Anwendung Vernebler auseinandernehmen und alle Teile unter fließendem warmem Wasser abspülen.
5.2 Einmal täglich die Teile 5 Minuten in sprudelnd kochendem Wasser auskochen.
5.3 Den Luftfilter alle 60 Anwendungen oder bei Verfärbung wechseln.
Achtung: Das Kompressorgehäuse niemals in Wasser tauchen!
""",
)

add(
    "de-neg-sports-verletzungsfrei",
    "de",
    "sports_report",
    "neg",
    """
Der Aufstieg der Lilien ist auch ein Verdienst der Athletikabteilung: Der Kader blieb die komplette Rückrunde nahezu verletzungsfrei, Trainer Keller konnte in 17 Spielen fast immer dieselbe Startelf aufbieten. Mit 64 Punkten und nur 28 Gegentoren stellt die Mannschaft zudem die beste Defensive der Liga.
""",
)

add(
    "de-neg-translation-glossar-kardiologie",
    "de",
    "translation",
    "neg",
    """
Bitte folgendes Glossar für unsere Schulungsunterlagen ins Französische übersetzen:
Herzinsuffizienz –
Vorhofflimmern –
Belastungs-EKG –
Herzkatheteruntersuchung –
Gerinnungshemmer –
""",
)

add(
    "de-neg-chat-dsgvo-au-bescheinigung",
    "de",
    "chat",
    "neg",
    """
Frage an die Runde bzw. an dich: Wie lange dürfen wir als Arbeitgeber AU-Bescheinigungen in der Personalakte aufbewahren? Und seit der eAU – müssen wir überhaupt noch Papierkopien ablegen? Geht um ein KMU mit 45 Leuten.
""",
)

add(
    "de-neg-chat-server-grippe",
    "de",
    "chat",
    "neg",
    """
unser jenkins hat wohl ne grippe 🤒 – jeder zweite build bricht mit OutOfMemoryError ab, obwohl wir den heap schon auf 4G hochgedreht haben. hat jemand ne idee, wo ich anfangen soll?
""",
)
# ---------------------------------------------------------------------------
# FRENCH — positives
# ---------------------------------------------------------------------------
add(
    "fr-pos-chat-otite-amoxicilline",
    "fr",
    "chat",
    "pos",
    """
bonjour, mon fils de 4 ans (17 kg) a une [[otite]] et le médecin a prescrit [[amoxicilline 1 dose-poids matin, midi et soir]] pendant 8 jours. il vomit à chaque fois qu'on lui donne 😩 on peut mélanger avec de la compote ou pas ?
""",
)

add(
    "fr-pos-email-rh-temps-partiel-therapeutique",
    "fr",
    "email",
    "pos",
    """
Peux-tu m'aider à rédiger un mail à notre salariée Nathalie Brun (comptabilité) ? Elle revient le 2 septembre après 7 mois d'arrêt pour un [[cancer du sein]] ([[chimiothérapie]] puis [[radiothérapie]]), elle me l'a dit elle-même. Le médecin du travail préconise un [[mi-temps thérapeutique]] pendant 3 mois. Je veux lui proposer un point d'accueil le jour de son retour, sans être intrusive.
""",
)

add(
    "fr-pos-nursing_note-transmissions-avc",
    "fr",
    "nursing_note",
    "pos",
    """
Transmissions ciblées – nuit du 11/04 – Ch. 12
M. Girard Roger, 78 ans, [[AVC ischémique sylvien gauche]] J3
Cible : déglutition – D : [[fausses routes aux liquides]] au repas du soir. A : eau gélifiée, mise en position assise 45°. R : pas de toux au repas suivant.
Cible : neuro – D : [[hémiparésie droite]] stable, [[aphasie]] inchangée, [[score NIHSS 9]].
Cible : douleur – [[EVA 2/10]], pas d'antalgique nécessaire.
Merci de me faire un résumé pour la relève de 7h.
""",
)

add(
    "fr-pos-clinical_note-crh-cholecystite",
    "fr",
    "clinical_note",
    "pos",
    """
COMPTE RENDU D'HOSPITALISATION – Chirurgie digestive
Patiente : Mme Sylvie Mercier, née le 03/11/1967
Motif : [[douleurs de l'hypochondre droit]] avec [[fièvre à 38,9 °C]]
Diagnostic : [[cholécystite aiguë lithiasique]]
Biologie : [[CRP 187 mg/L]], [[GB 15,2 G/L]]
Intervention : [[cholécystectomie par cœlioscopie]] le 14/02, suites simples
Traitement de sortie : [[paracétamol 1 g x4/j si douleur]] pendant 5 jours
Peux-tu reformuler la partie suivi pour la patiente ?
""",
)

add(
    "fr-pos-lab_report-anemie-ferritine",
    "fr",
    "lab_report",
    "pos",
    """
Mon bilan de sang, c'est grave docteur ? 😅
LABORATOIRE BIOMED – Mme LEFEBVRE Camille – prélevé le 18/09
[[Hémoglobine : 9,8 g/dL]]  (12,0 – 16,0)
[[VGM : 72 fL]]  (80 – 100)
[[Ferritine : 6 µg/L]]  (15 – 150)
[[Plaquettes : 410 G/L]]  (150 – 400)
Conclusion du labo : [[anémie microcytaire]], à confronter à la clinique.
J'ai des [[règles très abondantes]] depuis un an, c'est lié ?
""",
)

add(
    "fr-pos-csv-ehpad-residents",
    "fr",
    "csv",
    "pos",
    """
Peux-tu transformer cet export en tableau pour le classeur de nuit ?
nom;prenom;chambre;GIR;pathologies;traitement_soir
DUPUIS;Marcel;104;[[GIR 2]];[[maladie d'Alzheimer]], [[insuffisance cardiaque]];[[Lasilix 40 mg]], [[Risperdal 0,5 mg]]
ROUSSEL;Jeanne;112;[[GIR 3]];[[diabète type 2]], [[DMLA]];[[Lantus 14 UI]]
BENALI;Fatima;118;[[GIR 1]];[[séquelles d'AVC]], [[escarre talon droit]];[[Lovenox 4000 UI]]
""",
)

add(
    "fr-pos-physio_plan-bilan-kine-lombalgie",
    "fr",
    "physio_plan",
    "pos",
    """
Bilan kinésithérapique initial – M. Hugo Petit, 38 ans, chauffeur-livreur
Prescription : 12 séances, [[lombalgie chronique]] (> 6 mois)
Bilan : [[douleur EVA 6/10]] en fin de journée, [[distance doigts-sol 32 cm]], [[test de Schober 13/10]], [[Lasègue négatif]]. [[Kinésiophobie]] marquée (TSK 44).
Objectifs : reprise du travail à temps plein, réduction de la douleur < 3/10
Plan : éducation neurosciences de la douleur, renforcement progressif, exercices à domicile 3x/sem.
""",
)

add(
    "fr-pos-dental_note-parodontite",
    "fr",
    "dental_note",
    "pos",
    """
Fiche de soins – Mme Chloé Garnier – 05/03
Motif : [[saignements gingivaux]] au brossage + [[mobilité 31/41]]
Antécédents : [[fumeuse 15 cig/j]], sous [[Kardégic 75 mg]]
Examen : [[poches 6-7 mm secteur 3 et 4]], [[parodontite stade III grade B]]
Acte du jour : détartrage, [[extraction 48]] sous anesthésie locale ([[articaïne 1 carpule]])
Prochain RDV : surfaçage radiculaire sect. 3-4
""",
)

add(
    "fr-pos-chat-escitalopram-burnout",
    "fr",
    "chat",
    "pos",
    """
je suis sous [[escitalopram 10 mg]] depuis mon [[burn-out]] en 2022 et là ma psy veut qu'on arrête progressivement. j'ai trop peur de retomber, j'ai encore des [[crises d'angoisse]] quand je repense au boulot. c'est normal d'avoir peur du sevrage ?
""",
)

add(
    "fr-pos-pharmacy_note-opinion-pharmaceutique",
    "fr",
    "pharmacy_note",
    "pos",
    """
Opinion pharmaceutique – Pharmacie des Tilleuls – 09/10
Patient : M. Bernard Aubry, 71 ans
Ordonnance : [[clarithromycine 500 mg 2x/j]] 7 jours
Historique : [[atorvastatine 40 mg]], [[amlodipine 10 mg]], [[insuffisance rénale modérée]] (DFG 42 selon dernier bilan)
Problème : interaction clarithromycine / atorvastatine (risque de rhabdomyolyse)
Intervention : appel au prescripteur, suspension de l'atorvastatine pendant le traitement. Patient informé.
""",
)

add(
    "fr-pos-forum-maman-alzheimer",
    "fr",
    "forum",
    "pos",
    """
Bonsoir à toutes et tous,
ma mère (79 ans) a été diagnostiquée [[Alzheimer]] il y a 2 ans. Depuis quelques semaines elle [[ne me reconnaît plus le soir]], elle [[sort la nuit en chemise de nuit]] et elle a [[chuté deux fois]]. Le neurologue parle d'entrée en EHPAD mais elle refuse catégoriquement. Comment vous avez fait, vous ?
""",
)

add(
    "fr-pos-sms-urgences-poignet",
    "fr",
    "sms",
    "pos",
    """
chéri on est aux urgences avec Léa, elle s'est [[cassé le poignet]] au trampoline 😭 [[fracture déplacée]] d'après la radio, ils vont la [[plâtrer]] ce soir. tu peux récupérer Tom à la cantine ?
""",
)

add(
    "fr-pos-insurance-mutuelle-psychomot",
    "fr",
    "insurance",
    "pos",
    """
Objet : demande de prise en charge – séances de psychomotricité
Madame, Monsieur,
Mon fils Enzo Moreau (n° adhérent 7741209, ayant droit) présente un [[TDAH]] associé à une [[dyspraxie]], diagnostiqués en mars par le CMP. Le pédiatre a prescrit [[40 séances de psychomotricité]] et un traitement par [[méthylphénidate 10 mg]]. Je sollicite le remboursement des séances dans le cadre du forfait « bien-être ».
Pouvez-vous corriger cette lettre ?
""",
)

add(
    "fr-pos-school_note-pai-arachide",
    "fr",
    "school_note",
    "pos",
    """
PROJET D'ACCUEIL INDIVIDUALISÉ (PAI) – Année 2024-2025
Élève : Inès Laurent – CE1 – École Jules Ferry
Pathologie : [[allergie alimentaire sévère à l'arachide et aux fruits à coque]], [[asthme]]
Trousse d'urgence : [[Anapen 150 µg]], [[Ventoline]], [[Aerius sirop]]
Signes d'alerte : gonflement des lèvres, toux, difficultés à respirer → injecter Anapen dans la cuisse, appeler le 15.
Repas : panier-repas fourni par la famille.
""",
)

add(
    "fr-pos-letter-adressage-cardio",
    "fr",
    "letter",
    "pos",
    """
Cher confrère,
Je vous adresse Mme Josiane Perrin, 64 ans, pour avis cardiologique. Elle se plaint depuis un mois de [[palpitations]] et d'une [[dyspnée d'effort]] à la montée d'un étage. L'ECG au cabinet montre une [[fibrillation atriale à 118/min]]. Antécédents : [[HTA]] traitée par [[ramipril 5 mg]], [[hypothyroïdie]] sous [[Levothyrox 75 µg]].
Bien confraternellement,
Dr Martin
""",
)

add(
    "fr-pos-email-grossesse-manager",
    "fr",
    "email",
    "pos",
    """
Bonjour Stéphane,
Je préférais te l'annoncer en personne mais tu es en déplacement : je suis [[enceinte de 3 mois]] 🙂 Le terme est prévu fin janvier. J'ai eu pas mal de [[nausées]] ces dernières semaines, c'est pour ça que je faisais plus de télétravail. On peut en parler à ton retour pour organiser mon congé maternité ?
Bonne journée, Marion
""",
)

add(
    "fr-pos-json-appli-glycemie",
    "fr",
    "json",
    "pos",
    """
Voilà l'export de mon appli de suivi, tu peux me faire un graphique de la glycémie par semaine ?
{
  "utilisateur": "r.fontaine",
  "pathologies": ["[[diabète de type 2]]", "[[hypertension]]"],
  "traitements": ["[[metformine 1000 mg x2]]", "[[Ozempic 0,5 mg/semaine]]"],
  "mesures": [
    {"date": "2024-10-01", "glycemie": "[[glycémie à jeun 1,42 g/L]]", "poids_kg": 96.2},
    {"date": "2024-10-08", "glycemie": "[[glycémie à jeun 1,31 g/L]]", "poids_kg": 95.1}
  ]
}
""",
)

add(
    "fr-pos-chat-frere-sevrage-alcool",
    "fr",
    "chat",
    "pos",
    """
mon frère sort de [[cure de sevrage]] la semaine prochaine après 6 semaines en clinique pour sa [[dépendance à l'alcool]]. il a aussi un [[début de cirrhose]] d'après l'écho. on organise un repas de famille, comment on fait pour que personne ne boive sans que ça fasse bizarre ?
""",
)

add(
    "fr-pos-letter-rqth-surdite",
    "fr",
    "letter",
    "pos",
    """
Aide-moi à écrire à mon employeur pour demander un aménagement de poste. Infos : je m'appelle Julien Roche, j'ai obtenu la RQTH en juin en raison d'une [[surdité bilatérale sévère]], je porte des [[implants cochléaires]] depuis 2019. En open space je n'entends plus rien aux réunions. Je voudrais un casque compatible et des sous-titres en visio.
""",
)

add(
    "fr-pos-transcript-teleconsultation",
    "fr",
    "transcript",
    "pos",
    """
Retranscription téléconsultation – à mettre au propre :
Médecin : Alors, cette [[toux]], ça dure depuis quand ?
Patient (M. Diallo) : Trois semaines à peu près, et j'ai des [[sueurs la nuit]], j'ai [[perdu 4 kilos]].
Médecin : Vous avez voyagé récemment ?
Patient : Oui, au Sénégal en août.
Médecin : Je vous prescris une [[radio du thorax]] et une [[prise de sang]], et on se revoit avec les résultats.
""",
)

add(
    "fr-pos-prescription-ordonnance-entorse",
    "fr",
    "prescription",
    "pos",
    """
Dr Anne Colin – Médecine générale – 12 rue des Lilas, 69003 Lyon
Lyon, le 22/05/2024
Mme Léa Bonnet, 29 ans, 58 kg
1) [[Doliprane 1000 mg]] : [[1 comprimé toutes les 6 heures si douleur, max 4/j]], 5 jours
2) [[Kétoprofène gel 2,5 %]] : 2 applications/j sur la cheville
3) Attelle de cheville type Aircast – location 3 semaines
Motif : [[entorse de la cheville gauche]]
""",
)

add(
    "fr-pos-chat-quebec-diabete-grossesse",
    "fr",
    "chat",
    "pos",
    """
allo! ma blonde est [[enceinte de 26 semaines]] pis elle vient d'apprendre qu'elle fait du [[diabète de grossesse]] 😬 [[glycémie 8,9 après le test de 2h]]. la nutritionniste nous a donné un plan mais on est perdus. t'as des idées de soupers simples qui montent pas trop le sucre?
""",
)
# ---------------------------------------------------------------------------
# FRENCH — negatives
# ---------------------------------------------------------------------------
add(
    "fr-neg-chat-rhume-grippe",
    "fr",
    "chat",
    "neg",
    """
question bête : c'est quoi la vraie différence entre un rhume et une grippe ? et pourquoi les antibiotiques ne servent à rien contre les deux ?
""",
)

add(
    "fr-neg-article-deserts-medicaux",
    "fr",
    "article",
    "neg",
    """
Près de 6 millions de Français vivent aujourd'hui dans un désert médical. Le gouvernement envisage de réguler l'installation des médecins dans les zones déjà bien dotées, une mesure à laquelle s'opposent les syndicats d'internes. Les maisons de santé pluriprofessionnelles restent la principale réponse des collectivités. Peux-tu résumer ce paragraphe en une phrase ?
""",
)

add(
    "fr-neg-email-planning-parking-chu",
    "fr",
    "email",
    "neg",
    """
Bonjour à tous,
À compter du 4 novembre, le parking P2 du CHU sera réservé aux agents de nuit entre 19h et 8h. Les badges d'accès devront être réactivés auprès du service logistique (bâtiment B, RDC). Une navette reliera le parking relais à l'entrée des urgences toutes les 15 minutes.
La Direction des services techniques
""",
)

add(
    "fr-neg-job_ad-infirmier-bloc",
    "fr",
    "job_ad",
    "neg",
    """
Offre d'emploi – Infirmier(ère) de bloc opératoire (IBODE) H/F
Clinique du Parc – CDI temps plein – Poste à pourvoir immédiatement
Missions : instrumentation, circulation, gestion de la traçabilité des dispositifs médicaux, participation aux astreintes.
Profil : diplôme d'État d'infirmier, spécialisation IBODE appréciée, débutant(e)s accepté(e)s.
Avantages : prime d'installation, crèche d'entreprise, 25 RTT.
""",
)

add(
    "fr-neg-code-pseudonymisation",
    "fr",
    "code",
    "neg",
    """
Est-ce que cette fonction de pseudonymisation est suffisante pour la CNIL ?

import hashlib

def pseudonymiser(nir: str, sel: str) -> str:
    # remplace le numéro de sécurité sociale par un hash salé
    return hashlib.sha256((sel + nir).encode()).hexdigest()[:16]
""",
)

add(
    "fr-neg-recipe-allergenes-tarte",
    "fr",
    "recipe",
    "neg",
    """
Tarte aux pommes sans gluten (6 parts)
Pâte : 150 g de farine de riz, 50 g de fécule, 90 g de beurre, 1 œuf, 40 g de sucre.
Garniture : 5 pommes, 1 sachet de sucre vanillé, cannelle.
Cuire 35 min à 180 °C.
Allergènes : œuf, lait. Convient aux personnes intolérantes au gluten si la fécule est certifiée sans gluten.
""",
)

add(
    "fr-neg-chat-excel-migraine",
    "fr",
    "chat",
    "neg",
    """
ce tableau excel me file une migraine 😵 j'ai des RECHERCHEV qui renvoient #N/A alors que les valeurs sont visiblement identiques. c'est peut-être des espaces invisibles ?
""",
)

add(
    "fr-neg-summary-film-amour",
    "fr",
    "summary",
    "neg",
    """
Résume-moi le film « Amour » de Michael Haneke en trois phrases pour un ciné-club : Georges et Anne, professeurs de musique octogénaires, vivent à Paris. Après un AVC, Anne se retrouve paralysée du côté droit, puis son état se dégrade après un second accident. Georges s'occupe d'elle seul jusqu'au bout.
""",
)

add(
    "fr-neg-vet_note-chat-insuffisance-renale",
    "fr",
    "vet_note",
    "neg",
    """
Compte rendu de consultation – Clinique vétérinaire des Saules
Animal : « Minou », chat européen, femelle stérilisée, 14 ans, 3,6 kg
Propriétaire : M. Lambert
Motif : polyuro-polydipsie, amaigrissement
Biochimie : créatinine 320 µmol/L, SDMA 28 µg/dL → insuffisance rénale chronique stade IRIS 3
Traitement : aliment rénal, bénazépril 2,5 mg 1x/j, contrôle dans 1 mois
""",
)

add(
    "fr-neg-review-oxymetre",
    "fr",
    "review",
    "neg",
    """
★★★★☆ Bon rapport qualité/prix
Oxymètre de pouls reçu rapidement, écran OLED bien lisible même en plein soleil. Je l'ai comparé avec celui du cabinet infirmier où je travaille : écart de 1 % au maximum sur la SpO2. Seul bémol : la pince est un peu serrée pour les gros doigts et il n'y a pas de housse.
""",
)

add(
    "fr-neg-manual-tensiometre",
    "fr",
    "manual",
    "neg",
    """
MODE D'EMPLOI – TENSIOMÈTRE BRAS
1. Asseyez-vous au calme 5 minutes avant la mesure, le dos appuyé.
2. Placez le brassard 2 à 3 cm au-dessus du pli du coude, tuyau vers la main.
3. Appuyez sur START. Ne parlez pas et ne bougez pas pendant la mesure.
4. Le symbole ♥ clignotant indique qu'un battement irrégulier a été détecté pendant la mesure.
Remplacez les piles lorsque le symbole de batterie s'affiche.
""",
)

add(
    "fr-neg-sports-saison-sans-blessure",
    "fr",
    "sports_report",
    "neg",
    """
Le XV toulousain a bouclé une saison quasiment sans blessure, une première depuis dix ans selon le staff médical, qui attribue ce bilan à la nouvelle gestion des temps de jeu. Avec 19 victoires en 26 journées, le club termine en tête de la phase régulière.
""",
)

add(
    "fr-neg-translation-glossaire-ortho",
    "fr",
    "translation",
    "neg",
    """
Traduis ce glossaire en anglais pour notre catalogue de matériel orthopédique :
attelle de poignet / genouillère ligamentaire / béquilles réglables / semelles orthopédiques / collier cervical mousse / coussin anti-escarres
""",
)

add(
    "fr-neg-chat-rgpd-donnees-sante",
    "fr",
    "chat",
    "neg",
    """
Question générale RGPD : une entreprise a-t-elle le droit de conserver les certificats médicaux de ses salariés dans le dossier du personnel ? Et combien de temps ? Je rédige une note interne pour les managers.
""",
)

add(
    "fr-neg-notice-campagne-vaccination",
    "fr",
    "notice",
    "neg",
    """
AVIS AUX PATIENTS
La campagne de vaccination contre la grippe saisonnière débute le 15 octobre. La pharmacie vaccine sans rendez-vous du lundi au samedi de 9h à 12h. Merci de vous munir de votre carte Vitale et du bon de prise en charge de l'Assurance Maladie si vous l'avez reçu.
""",
)
# ---------------------------------------------------------------------------
# SPANISH — positives
# ---------------------------------------------------------------------------
add(
    "es-pos-chat-dalsy-hija-fiebre",
    "es",
    "chat",
    "pos",
    """
hola, mi hija de 3 años tiene [[38,7 de fiebre]] desde esta tarde y [[le duele la garganta]]. pesa 14 kilos. cuánto [[Dalsy]] le puedo dar? el pediatra la última vez le mandó [[Apiretal]] pero se nos ha acabado
""",
)

add(
    "es-pos-email-rrhh-baja-hernia",
    "es",
    "email",
    "pos",
    """
Necesito redactar un correo para el comité de dirección explicando la ausencia de Javier Morales (jefe de almacén). Está de baja por incapacidad temporal desde el 3 de febrero por una [[hernia discal L5-S1]] y le van a [[operar]] en abril. Él mismo nos ha autorizado a comentarlo. Propón que Lucía Ortega asuma sus funciones de forma interina hasta su vuelta, previsiblemente en junio.
""",
)

add(
    "es-pos-nursing_note-relevo-turno",
    "es",
    "nursing_note",
    "pos",
    """
Relevo de turno noche → mañana, planta 5ª Medicina Interna
Hab. 508-A: Dña. Carmen Ruiz, 88 a. [[ICC descompensada]]. [[Furosemida 40 mg iv/12h]]. [[Diuresis 1.800 ml]] en el turno. [[Edemas en MMII +++]]. [[SatO2 94% con GN a 2 lpm]].
Hab. 510-B: D. Antonio Gil, 72 a. [[Neumonía LID]]. [[Fiebre 38,4 °C]] a las 3h, se extrajeron [[hemocultivos]]. [[Desorientado]] de madrugada, sin contención.
¿Me lo pasas a formato SBAR?
""",
)

add(
    "es-pos-clinical_note-informe-alta-neumonia",
    "es",
    "clinical_note",
    "pos",
    """
INFORME DE ALTA – Servicio de Neumología
Paciente: Luis Fernández Ortega, 66 años, NHC 3348127
Diagnóstico principal: [[Neumonía adquirida en la comunidad en LSD]]
Diagnósticos secundarios: [[EPOC GOLD 2]], [[tabaquismo activo (40 paq-año)]]
Tratamiento al alta: [[Levofloxacino 500 mg/24h]] hasta completar 7 días, [[Spiriva Respimat 2 inhalaciones/24h]]
Recomendaciones: abandono del hábito tabáquico, control por su MAP en 10 días.
""",
)

add(
    "es-pos-lab_report-analitica-colesterol",
    "es",
    "lab_report",
    "pos",
    """
me acaban de dar los resultados de la analítica y no entiendo nada 🙈
Paciente: María José Castillo – 54 años
[[Colesterol total: 268 mg/dl]] (<200)
[[LDL: 181 mg/dl]] (<130)
[[HDL: 42 mg/dl]] (>50)
[[Triglicéridos: 224 mg/dl]] (<150)
[[Glucosa: 112 mg/dl]] (70-100)
mi médica dice que si no bajo en 3 meses me pone [[estatinas]]. qué puedo cambiar en la dieta?
""",
)

add(
    "es-pos-csv-residencia-mayores",
    "es",
    "csv",
    "pos",
    """
Ordena esta lista por planta y quita la columna DNI:
residente,dni,planta,diagnosticos,medicacion_noche,dieta
Dolores Vázquez,12345678Z,1,"[[demencia tipo Alzheimer]], [[HTA]]","[[quetiapina 25 mg]]",[[triturada]]
Manuel Prieto,23456789D,2,"[[EPOC]], [[FA]]","[[Sintrom según pauta]]",normal
Encarnación Soto,34567890V,1,"[[diabetes tipo 2]], [[amputación infracondílea izq.]]","[[insulina Lantus 16 UI]]",[[diabética]]
""",
)

add(
    "es-pos-physio_plan-rotura-gemelo",
    "es",
    "physio_plan",
    "pos",
    """
Plan de fisioterapia – Álvaro Jiménez, 29 a., jugador de pádel amateur
Dx: [[rotura fibrilar grado II en gemelo interno derecho]] (ecografía 02/05: [[hematoma de 2,1 cm]])
Fase 1 (días 1-7): crioterapia, descarga parcial con muletas, movilidad suave de tobillo
Fase 2 (semanas 2-3): isométricos, bici estática, elevaciones de talón bilaterales
Fase 3 (semanas 4-6): excéntricos, pliometría, vuelta progresiva a pista
Reescríbelo como mensaje de WhatsApp para enviárselo al paciente.
""",
)

add(
    "es-pos-dental_note-implante",
    "es",
    "dental_note",
    "pos",
    """
Historia clínica – Clínica Dental Sonríe – Paciente: Ramón Blanco
Antecedentes: [[bifosfonatos orales (alendronato 70 mg semanal) desde 2018]] por [[osteoporosis]]; [[hipertenso]] controlado
Exploración: [[ausencia de 36]], [[reabsorción ósea vestibular]] en CBCT
Plan: valoración de riesgo de osteonecrosis antes de [[implante en 36]]; interconsulta con su médico de cabecera para posible suspensión temporal del bifosfonato
""",
)

add(
    "es-pos-chat-fluoxetina-ansiedad",
    "es",
    "chat",
    "pos",
    """
llevo 8 meses con [[fluoxetina 20 mg]] por [[ansiedad generalizada]] y la verdad me va bien, pero desde que empecé tengo la [[libido por los suelos]] y mi pareja ya lo nota 😔 es normal? me da vergüenza decírselo a la psiquiatra
""",
)

add(
    "es-pos-pharmacy_note-dispensacion",
    "es",
    "pharmacy_note",
    "pos",
    """
Registro de seguimiento farmacoterapéutico – Farmacia López (Valencia)
Paciente: Concepción Marín, 81 años
Dispensación: [[Omeprazol 20 mg]], [[Adiro 100 mg]], [[Enalapril 10 mg]], [[Lorazepam 1 mg]]
Observaciones: refiere [[mareos al levantarse]] desde hace 2 semanas y una [[caída en casa]] el domingo. [[TA en farmacia 102/58]]. Se recomienda consultar con MAP para revisar antihipertensivo y benzodiacepina.
""",
)

add(
    "es-pos-forum-embarazo-12-semanas",
    "es",
    "forum",
    "pos",
    """
Chicas, hoy tuve la eco de las [[12 semanas]] 🥹 todo bien pero me han dicho que tengo [[placenta previa]] y que tengo que hacer reposo relativo. Además el [[cribado combinado salió de riesgo intermedio 1/410]] y me ofrecen el [[test prenatal no invasivo]]. Alguna pasó por lo mismo? Estoy de los nervios
""",
)

add(
    "es-pos-sms-abuelo-ingresado",
    "es",
    "sms",
    "pos",
    """
Tía, al abuelo lo han ingresado en el Clínico esta mañana, ha tenido un [[infarto]] 😢 le han hecho un [[cateterismo]] y le han puesto [[dos stents]]. Está en la UCI coronaria pero consciente. Avisa a los primos porfa
""",
)

add(
    "es-pos-insurance-reembolso-artroscopia",
    "es",
    "insurance",
    "pos",
    """
SOLICITUD DE REEMBOLSO DE GASTOS MÉDICOS
Asegurado: Sergio Navarro Ruiz – Póliza nº 00-7734412
Fecha del acto: 17/06/2024
Diagnóstico: [[rotura del menisco interno de la rodilla izquierda]]
Procedimiento: [[artroscopia de rodilla con meniscectomía parcial]]
Centro: Hospital Quirón (cirujano fuera de cuadro médico)
Importe: 3.450,00 € – adjunto factura e informe quirúrgico
""",
)

add(
    "es-pos-school_note-epilepsia-buccolam",
    "es",
    "school_note",
    "pos",
    """
Protocolo de actuación – Enfermería escolar – CEIP Los Almendros
Alumno: Hugo Serrano, 1º de Primaria
Diagnóstico: [[epilepsia con crisis tónico-clónicas]]
Tratamiento diario: [[ácido valproico 250 mg]] (casa, mañana y noche)
Si [[crisis > 5 minutos]]: administrar [[Buccolam 5 mg bucal]], poner en posición lateral de seguridad, llamar al 112 y a la familia.
Última crisis en el colegio: 14/10.
""",
)

add(
    "es-pos-letter-derivacion-digestivo",
    "es",
    "letter",
    "pos",
    """
Hoja de interconsulta – Atención Primaria → Aparato Digestivo
Paciente: Rosa Medina Herrera, 47 años
Motivo: [[diarrea crónica de 4 meses]] con [[pérdida de 5 kg]] y [[dolor abdominal cólico]]
Pruebas: [[anticuerpos antitransglutaminasa IgA 96 U/ml]] (positivo), [[anemia ferropénica Hb 10,4]]
Juicio clínico: [[sospecha de enfermedad celíaca]]
Solicito gastroscopia con biopsias duodenales. Gracias.
""",
)

add(
    "es-pos-email-profesora-celiaca",
    "es",
    "email",
    "pos",
    """
Hola Marta:
Te escribo por lo de la excursión del viernes. A Pablo le diagnosticaron [[celiaquía]] en verano y tiene que seguir una dieta estrictamente sin gluten; si come algo con gluten le da [[dolor de tripa fuerte y vómitos]]. Le pondré su bocadillo y merienda en la mochila. ¿Podrías vigilar que no comparta comida con los compañeros?
Un saludo, Elena (mamá de Pablo)
""",
)

add(
    "es-pos-json-app-ciclo-sop",
    "es",
    "json",
    "pos",
    """
Export de mi app de ciclo, ¿me ayudas a ver si mis ciclos se están regulando desde que empecé con la metformina?
{"usuaria": "lau_92", "diagnosticos": ["[[SOP]]", "[[resistencia a la insulina]]"], "medicacion": "[[metformina 850 mg/12h]]",
 "ciclos": [
  {"inicio": "2024-03-02", "duracion_dias": 47, "ovulacion_test": "negativo"},
  {"inicio": "2024-04-18", "duracion_dias": 39, "ovulacion_test": "[[positivo día 24]]"},
  {"inicio": "2024-05-27", "duracion_dias": 34, "ovulacion_test": "[[positivo día 20]]"}
 ]}
""",
)

add(
    "es-pos-chat-hermano-cocaina",
    "es",
    "chat",
    "pos",
    """
Mi hermano (34) lleva años con [[consumo de cocaína]] los fines de semana y ahora también entre semana. La semana pasada acabó en urgencias con [[dolor en el pecho]] y le dijeron que había tenido [[taquicardia]] por la coca. No quiere ir a Proyecto Hombre. ¿Cómo le hablo sin que se cierre en banda?
""",
)

add(
    "es-pos-form-certificado-discapacidad",
    "es",
    "form",
    "pos",
    """
Ayúdame a rellenar el apartado "motivo de la solicitud" para adaptar mi puesto:
Nombre: Andrea Lozano Pérez – Puesto: teleoperadora
Tengo reconocido un [[grado de discapacidad del 45 %]] por [[fibromialgia]] y [[síndrome de fatiga crónica]]. Necesito una silla ergonómica, pausas de 10 minutos cada hora y la posibilidad de teletrabajar 3 días, porque los [[brotes de dolor]] empeoran con los desplazamientos.
""",
)

add(
    "es-pos-transcript-consulta-migrana",
    "es",
    "transcript",
    "pos",
    """
Transcripción de la consulta (para resumir en el informe):
Neuróloga: ¿Cuántas [[crisis de migraña]] tiene al mes ahora?
Paciente (Sra. Campos): Unas 10 u 12, y casi todas con [[aura]], veo como lucecitas.
Neuróloga: ¿Y el [[topiramato]]?
Paciente: Me daba [[hormigueos en las manos]] y lo dejé.
Neuróloga: Vale, vamos a probar con [[erenumab 70 mg mensual]] subcutáneo.
""",
)

add(
    "es-pos-prescription-receta-amoxi-clav",
    "es",
    "prescription",
    "pos",
    """
RECETA MÉDICA – Dr. Fernando Ibáñez – Col. nº 28/41233
Paciente: Carlos Ramos Vidal – 42 años
Medicamento: [[Amoxicilina/ácido clavulánico 875/125 mg]], 20 comprimidos
Posología: [[1 comprimido cada 8 horas durante 7 días]]
Medicamento: [[Ibuprofeno 600 mg]] – [[1 comprimido cada 8 h con comida si dolor]]
Diagnóstico: [[sinusitis maxilar aguda]]
Madrid, 11 de noviembre de 2024
""",
)

add(
    "es-pos-chat-spanglish-mama-diabetes",
    "es",
    "chat",
    "pos",
    """
oye necesito ayuda, mi mamá tiene [[diabetes]] desde hace como 10 años y su doctor en Houston dice que su [[A1c salió en 9.1]] 😳 ahora le quieren poner [[insulina]] además de la [[metformina]]. ella tiene miedo de las agujas. me ayudas a explicarle en español sencillo qué significa el A1c? she only speaks spanish
""",
)
# ---------------------------------------------------------------------------
# SPANISH — negatives
# ---------------------------------------------------------------------------
add(
    "es-neg-chat-omeprazol-protector",
    "es",
    "chat",
    "neg",
    """
una duda general: ¿es verdad que el omeprazol es un "protector de estómago"? en España todo el mundo lo toma con cualquier pastilla y he leído que no es tan inocente a largo plazo
""",
)

add(
    "es-neg-article-listas-espera",
    "es",
    "article",
    "neg",
    """
Las listas de espera quirúrgica en el Sistema Nacional de Salud superan ya las 850.000 personas, con una demora media de 128 días. Las comunidades autónomas reclaman más financiación, mientras el Ministerio propone un plan de choque basado en la actividad de tarde y la derivación a centros concertados. Resúmelo en tono neutral para un boletín interno.
""",
)

add(
    "es-neg-email-licitacion-limpieza",
    "es",
    "email",
    "neg",
    """
Estimados/as:
Les informamos de que el nuevo contrato del servicio de limpieza hospitalaria entrará en vigor el 1 de marzo. Los supervisores de unidad deberán firmar diariamente la hoja de verificación de limpieza terminal de habitaciones. Cualquier incidencia se comunicará a la extensión 4410.
Dirección de Gestión – Hospital Comarcal del Bierzo
""",
)

add(
    "es-neg-job_ad-enfermera-urgencias",
    "es",
    "job_ad",
    "neg",
    """
OFERTA DE EMPLEO: Enfermero/a para Urgencias – Hospital San Rafael (Sevilla)
Contrato: interinidad con posibilidad de continuidad, turnos rotatorios
Requisitos: Grado en Enfermería, colegiación vigente, valorable experiencia en triaje Manchester
Ofrecemos: salario según convenio, formación continua acreditada, plaza de aparcamiento
Envía tu CV antes del 15/09 a rrhh@sanrafael.example
""",
)

add(
    "es-neg-code-validar-formulario-citas",
    "es",
    "code",
    "neg",
    """
¿por qué este validador deja pasar fechas en el pasado?

function validarCita(form) {
  const fecha = new Date(form.fecha.value);
  if (!form.nombre.value || !form.especialidad.value) return "Campos obligatorios";
  if (fecha < new Date()) return "La fecha no puede ser anterior a hoy";
  return null;
}
""",
)

add(
    "es-neg-recipe-croquetas-alergenos",
    "es",
    "recipe",
    "neg",
    """
Croquetas de jamón (unas 30)
Ingredientes: 100 g de mantequilla, 100 g de harina, 1 l de leche entera, 150 g de jamón serrano picado, nuez moscada, 2 huevos y pan rallado para rebozar.
Alérgenos: gluten, leche, huevo. Para invitados celíacos usa harina y pan rallado sin gluten certificados y fríe en aceite limpio.
""",
)

add(
    "es-neg-chat-proyecto-dolor-cabeza",
    "es",
    "chat",
    "neg",
    """
este proyecto es un dolor de cabeza constante 🤯 el cliente cambia los requisitos cada lunes. ¿cómo le digo a mi jefe, de forma profesional, que necesitamos congelar el alcance?
""",
)

add(
    "es-neg-summary-hable-con-ella",
    "es",
    "summary",
    "neg",
    """
Hazme una sinopsis corta para el cineclub: "Hable con ella" (Almodóvar, 2002). Benigno, un enfermero, cuida de Alicia, una joven bailarina en coma tras un accidente de tráfico. En la misma clínica conoce a Marco, cuya pareja, la torera Lydia, también está en coma después de una cogida. Entre los dos hombres nace una extraña amistad.
""",
)

add(
    "es-neg-vet_note-perro-leishmania",
    "es",
    "vet_note",
    "neg",
    """
Informe veterinario – Clínica Veterinaria Alameda
Paciente: "Toby", podenco, macho, 5 años, 21 kg – Propietaria: Sra. Paredes
Motivo: pérdida de pelo alrededor de los ojos, uñas largas, adelgazamiento
Serología Leishmania: positiva (IFI 1/640). Proteinograma: hipergammaglobulinemia
Tratamiento: antimoniato de meglumina 100 mg/kg/día SC 28 días + alopurinol 10 mg/kg/12 h
Revisión en 1 mes.
""",
)

add(
    "es-neg-review-termometro-infrarrojo",
    "es",
    "review",
    "neg",
    """
⭐⭐⭐⭐ Rápido y fácil de usar
Lo compramos para la entrada de la academia de baile. Mide en un segundo, tiene alarma de fiebre configurable y memoria de 32 lecturas. Comparado con un termómetro digital de axila da unas 2-3 décimas de diferencia. Pega: el pitido no se puede desactivar sin mirar el manual.
""",
)

add(
    "es-neg-manual-glucometro",
    "es",
    "manual",
    "neg",
    """
INSTRUCCIONES DE USO – MEDIDOR DE GLUCOSA
1. Lávese las manos con agua tibia y séquelas bien.
2. Inserte la tira reactiva con las barras de contacto hacia el medidor.
3. Obtenga una gota de sangre con el dispositivo de punción y acérquela al extremo de la tira.
4. El resultado aparecerá en 5 segundos. Si aparece "Er3", repita con una tira nueva.
Conserve las tiras entre 4 y 30 °C.
""",
)

add(
    "es-neg-sports-temporada-sin-lesiones",
    "es",
    "sports_report",
    "neg",
    """
El Valencia Basket firmó una temporada sin lesiones de larga duración por primera vez en una década. El cuerpo técnico atribuye el logro al nuevo centro de alto rendimiento y a la rotación de minutos. El equipo acabó tercero en la fase regular de la ACB.
""",
)

add(
    "es-neg-translation-glosario-farmacia",
    "es",
    "translation",
    "neg",
    """
Traduce al inglés este glosario para la web de la farmacia:
receta electrónica / tarjeta sanitaria / medicamento genérico / prospecto / sin receta / farmacia de guardia / aportación farmacéutica
""",
)

add(
    "es-neg-chat-lopd-datos-salud",
    "es",
    "chat",
    "neg",
    """
Pregunta general sobre protección de datos: si una empresa quiere implantar un programa de bienestar con relojes inteligentes para la plantilla, ¿los datos de frecuencia cardiaca cuentan como datos de salud según el RGPD? ¿Haría falta una evaluación de impacto?
""",
)

add(
    "es-neg-oped-economia-uci",
    "es",
    "op_ed",
    "neg",
    """
La economía lleva meses en la UCI y el Gobierno sigue recetando aspirinas: bonificaciones al combustible, cheques puntuales y parches fiscales. Lo que el paciente necesita es cirugía mayor, no otra transfusión de deuda. Mejora este párrafo de opinión, que suene menos dramático.
""",
)
# ---------------------------------------------------------------------------
# ITALIAN — positives
# ---------------------------------------------------------------------------
add(
    "it-pos-chat-tachipirina-bimbo",
    "it",
    "chat",
    "pos",
    """
ciao, il mio bimbo ha 18 mesi e pesa 11 kg, stanotte ha avuto [[39 di febbre]] e [[tosse abbaiante]]. la pediatra è irraggiungibile, quanti ml di [[tachipirina sciroppo]] posso dargli? l'ultima dose gliel'ho data alle 4 🙏
""",
)

add(
    "it-pos-email-hr-rientro-bypass",
    "it",
    "email",
    "pos",
    """
Mi aiuti a scrivere una mail al team per comunicare il rientro di Giorgio Ferri (responsabile commerciale Nord)? Giorgio è stato assente da marzo perché ha subito un [[bypass aortocoronarico]] dopo un [[infarto]], e ci ha chiesto lui di dirlo apertamente. Rientrerà il 16 settembre part-time per il primo mese e [[non potrà guidare per lunghe tratte]] fino a fine anno. Tono caloroso ma professionale.
""",
)

add(
    "it-pos-nursing_note-consegne-reparto",
    "it",
    "nursing_note",
    "pos",
    """
Consegne turno notte – Medicina 2 – riassumile in 5 righe:
Letto 7 – Sig.ra Bruna Galli, 85 aa, [[BPCO riacutizzata]], in [[O2 terapia 2 l/min]], [[SpO2 90%]]. Notte [[agitata]], chiamato medico di guardia alle 2:30, somministrato [[aloperidolo 1 mg im]].
Letto 9 – Sig. Franco De Luca, 70 aa, [[diabete tipo 2 scompensato]], [[glicemia 312 mg/dl]] alle 22, fatte [[6 UI di insulina rapida]] come da schema. Ore 6 [[glicemia 188]].
""",
)

add(
    "it-pos-clinical_note-dimissione-femore",
    "it",
    "clinical_note",
    "pos",
    """
LETTERA DI DIMISSIONE – U.O. Ortopedia e Traumatologia
Paziente: Maria Grazia Colombo, nata il 12/06/1940
Diagnosi: [[frattura pertrocanterica femore destro]] da caduta accidentale
Intervento: [[osteosintesi con chiodo endomidollare]] in data 02/10
Terapia domiciliare: [[enoxaparina 4000 UI sc 1 fl/die per 30 giorni]], [[paracetamolo 1 g al bisogno]], [[colecalciferolo 25.000 UI ogni 15 giorni]]
Carico: [[concesso con deambulatore]]
Puoi spiegarlo in parole semplici a mia zia? È lei la paziente.
""",
)

add(
    "it-pos-lab_report-psa-emocromo",
    "it",
    "lab_report",
    "pos",
    """
Referto di mio padre (Vittorio, 67 anni), il medico di base lo vede solo tra 2 settimane:
[[PSA totale 8,4 ng/ml]]   (v.n. < 4,0)
[[PSA libero/totale 12%]]  (v.n. > 25%)
[[Creatinina 1,3 mg/dl]]  (0,7-1,2)
[[Emoglobina 13,9 g/dl]]
Dobbiamo preoccuparci? Lui dice che [[si alza 3-4 volte a notte per urinare]].
""",
)

add(
    "it-pos-csv-rsa-ospiti",
    "it",
    "csv",
    "pos",
    """
Questo è l'export degli ospiti dell'RSA, puoi fare una tabella per il turno notturno raggruppata per nucleo?
ospite;nucleo;anni;diagnosi;terapia_serale;rischio_cadute
Anna Rizzo;A;89;[[demenza frontotemporale]];[[trazodone 50 mg]];[[alto]]
Pietro Fontana;B;84;[[cardiopatia ischemica]], [[IRC stadio 4]];[[bisoprololo 2,5 mg]];[[medio]]
Lina Marchetti;A;92;[[morbo di Parkinson]], [[ipovisione]];[[Madopar 125 mg]];[[alto]]
""",
)

add(
    "it-pos-physio_plan-protesi-ginocchio",
    "it",
    "physio_plan",
    "pos",
    """
Progetto riabilitativo individuale – Sig. Alberto Greco, 71 anni
Diagnosi: [[esiti di protesi totale di ginocchio sinistro]] (intervento 05/09)
Valutazione iniziale: [[flessione attiva 75°]], [[deficit di estensione -10°]], [[dolore NRS 5/10]] al carico, [[deambulazione con 2 antibrachiali]]
Obiettivi a 4 settimane: flessione > 105°, deambulazione con 1 bastone, salire/scendere scale
Trattamento: mobilizzazione passiva, rinforzo quadricipite, training del passo, crioterapia
""",
)

add(
    "it-pos-dental_note-ascesso",
    "it",
    "dental_note",
    "pos",
    """
Scheda clinica – Studio Dentistico Dr.ssa Serra – Paziente: Davide Conti
Motivo: [[dolore pulsante]] e [[gonfiore guancia sinistra]] da 2 giorni
Anamnesi: [[allergia all'amoxicillina]] (orticaria), [[fumatore 10 sig/die]]
Esame obiettivo: [[ascesso periapicale 36]], [[mobilità grado I]]
Terapia: drenaggio, [[clindamicina 300 mg 3 volte al giorno per 6 giorni]], [[ibuprofene 600 mg al bisogno]]
Controllo tra 5 giorni per [[devitalizzazione 36]].
""",
)

add(
    "it-pos-chat-litio-bipolare",
    "it",
    "chat",
    "pos",
    """
ho il [[disturbo bipolare di tipo II]] e prendo [[litio 600 mg]] da 3 anni. ultima [[litiemia 0,9]]. ora io e il mio compagno vorremmo provare ad avere un figlio e ho paura per il bambino. è vero che il litio in gravidanza è pericoloso? non ho ancora il coraggio di chiederlo alla psichiatra
""",
)

add(
    "it-pos-pharmacy_note-farmacia-aderenza",
    "it",
    "pharmacy_note",
    "pos",
    """
Nota farmacia – servizio di aderenza terapeutica – 03/07
Paziente: Sig. Ernesto Riva, 78 anni, accompagnato dalla figlia
Terapia: [[warfarin 5 mg secondo INR]], [[digossina 0,125 mg]], [[furosemide 25 mg]]
Osservazioni: la figlia riferisce che il padre [[confonde le compresse]] e [[ha saltato dosi di warfarin]] la scorsa settimana. Ultimo [[INR 1,6]].
Proposta: blister settimanale preparato in farmacia, promemoria telefonico, comunicazione al MMG.
""",
)

add(
    "it-pos-forum-pma-transfer",
    "it",
    "forum",
    "pos",
    """
Ciao ragazze, vi aggiorno 💕 ieri ho fatto il [[transfer di 2 blastocisti]] al centro di Bologna. Avevo l'[[endometriosi al IV stadio]] e dopo [[due laparoscopie]] non ci speravamo più. Ora [[progesterone 200 mg 3 volte al giorno]] e beta tra 11 giorni. Qualcuna ha avuto [[crampi forti]] nei primi giorni?
""",
)

add(
    "it-pos-sms-papa-colica-renale",
    "it",
    "sms",
    "pos",
    """
Ale sono in pronto soccorso con papà, ha una [[colica renale]] fortissima, gli hanno fatto l'[[ecografia]] e c'è un [[calcolo di 7 mm]]. Gli stanno dando la [[morfina]] in flebo. Puoi passare tu a prendere la mamma? Ti aggiorno
""",
)

add(
    "it-pos-insurance-denuncia-infortunio",
    "it",
    "insurance",
    "pos",
    """
Denuncia di sinistro – Polizza Infortuni n. 55/8821004
Assicurato: Matteo Barbieri, nato il 09/02/1986
Dinamica: il 23/01 durante una partita di calcetto ho subito un trauma distorsivo al ginocchio destro.
Lesioni: [[lesione completa del legamento crociato anteriore]] e [[lesione del menisco mediale]] (RM del 30/01)
Cure: [[ricostruzione LCA]] programmata il 14/03, poi [[fisioterapia per circa 6 mesi]]
Puoi sistemare la forma prima che la invii?
""",
)

add(
    "it-pos-school_note-pdp-dsa",
    "it",
    "school_note",
    "pos",
    """
Piano Didattico Personalizzato – a.s. 2024/25 – Istituto Comprensivo "G. Rodari"
Alunno: Tommaso Vitale, classe 3ª B secondaria di I grado
Diagnosi (certificazione ASL del 12/05/2023): [[dislessia evolutiva]], [[disortografia]], [[discalculia]]
Strumenti compensativi: calcolatrice, sintesi vocale, mappe concettuali
Misure dispensative: lettura ad alta voce, dettati, tempi aggiuntivi del 30% nelle verifiche
""",
)

add(
    "it-pos-letter-impegnativa-ernia",
    "it",
    "letter",
    "pos",
    """
Ricetta SSN – Prescrizione di visita specialistica
Assistito: Bruno Caruso, CF CRSBRN62A14F205X
Prestazione: visita chirurgica generale – priorità D
Quesito diagnostico: [[tumefazione inguinale destra riducibile]], [[dolore sotto sforzo da 2 mesi]], [[sospetta ernia inguinale]]
Dr. Paolo Guerra – MMG
""",
)

add(
    "it-pos-email-condominio-sla",
    "it",
    "email",
    "pos",
    """
Gentile Amministratore,
le scrivo per chiedere l'assegnazione di un posto auto riservato nel cortile condominiale. Mio padre, Luigi Testa, residente all'interno 4, è affetto da [[sclerosi laterale amiotrofica]], ha un'[[invalidità civile al 100%]] e [[si sposta solo in carrozzina]]. Il contrassegno disabili è già stato rilasciato dal Comune.
Cordiali saluti,
Silvia Testa
""",
)

add(
    "it-pos-json-app-pressione",
    "it",
    "json",
    "pos",
    """
Ecco i dati del mio misuratore, mi fai la media mattina/sera? Sono iperteso da 2 anni e prendo [[olmesartan 20 mg]].
{"utente": "franco.m", "patologie": ["[[ipertensione arteriosa]]"], "misurazioni": [
  {"data": "2024-11-04", "ora": "07:30", "valore": "[[PA 148/94, FC 76]]"},
  {"data": "2024-11-04", "ora": "21:00", "valore": "[[PA 139/88, FC 70]]"},
  {"data": "2024-11-05", "ora": "07:25", "valore": "[[PA 152/96, FC 79]]"}
]}
""",
)

add(
    "it-pos-chat-figlio-cannabis-psicosi",
    "it",
    "chat",
    "pos",
    """
mio figlio ha 19 anni, [[fuma canne]] tutti i giorni da quando ne aveva 15. a febbraio ha avuto un [[episodio psicotico]] ed è stato [[ricoverato in SPDC]] per 10 giorni. ora prende [[aripiprazolo 10 mg]] ma ha ricominciato a fumare. come possiamo convincerlo ad andare al SerD?
""",
)

add(
    "it-pos-form-domanda-invalidita",
    "it",
    "form",
    "pos",
    """
Aiutami a riassumere la mia situazione per la domanda di invalidità civile all'INPS (campo "note", max 500 caratteri):
Sono Rosaria Amato, 58 anni. Nel 2022 ho avuto un [[ictus ischemico]] con [[emiparesi sinistra]] residua; [[cammino con il bastone]] e [[non riesco a usare bene la mano sinistra]]. Soffro anche di [[depressione]] post-ictus, seguita dal CSM, e di [[diabete tipo 2]] in [[insulina]].
""",
)

add(
    "it-pos-transcript-visita-tiroide",
    "it",
    "transcript",
    "pos",
    """
Trascrizione visita endocrinologica (da sistemare):
Medico: Allora signora Moretti, l'ecografia mostra un [[nodulo di 1,8 cm al lobo destro]].
Paziente: È brutto?
Medico: Con la [[TSH normale]] e queste caratteristiche è probabilmente benigno, ma facciamo un [[agoaspirato]] per sicurezza.
Paziente: E il [[gonfiore al collo]] che sento?
Medico: È il nodulo, sì.
""",
)

add(
    "it-pos-prescription-ricetta-antibiotico",
    "it",
    "prescription",
    "pos",
    """
Dott.ssa Elena Marini – Medico Chirurgo – Pediatra di libera scelta
Paziente: Giulia Ferraro, anni 7, peso 24 kg
Rp/
[[Amoxicillina + acido clavulanico sosp. orale 400/57 mg/5 ml]]
S/ [[5,5 ml ogni 12 ore per 7 giorni]]
Diagnosi: [[faringotonsillite batterica]] ([[tampone rapido SBEGA positivo]])
Torino, 08/01/2025
""",
)

add(
    "it-pos-chat-slack-collega-calcoli",
    "it",
    "chat",
    "pos",
    """
ragazzi oggi Luca è OOO, stanotte ha avuto un [[attacco di calcoli renali]] e l'hanno tenuto in osservazione al San Raffaele. la demo col cliente la facciamo io e Chiara, ok? niente ping a Luca please 🙏
""",
)
# ---------------------------------------------------------------------------
# ITALIAN — negatives
# ---------------------------------------------------------------------------
add(
    "it-neg-chat-cortisone-ingrassa",
    "it",
    "chat",
    "neg",
    """
domanda generica: è vero che il cortisone fa ingrassare? mia nonna dice sempre così ma non ho capito se è ritenzione di liquidi o proprio grasso
""",
)

add(
    "it-neg-article-fascicolo-sanitario",
    "it",
    "article",
    "neg",
    """
Il Fascicolo Sanitario Elettronico 2.0 dovrà essere pienamente operativo in tutte le regioni entro il 2026, grazie ai fondi del PNRR. Oggi però solo il 18% dei cittadini lo consulta regolarmente e molti medici di base lamentano l'assenza di interoperabilità tra i sistemi regionali. Fammi un riassunto in 2 frasi per la newsletter.
""",
)

add(
    "it-neg-email-cup-nuovi-orari",
    "it",
    "email",
    "neg",
    """
Gentili colleghi,
dal 1° ottobre gli sportelli CUP del presidio di Via Verdi osserveranno il nuovo orario 7:30–15:30 dal lunedì al venerdì. Le prenotazioni telefoniche restano attive al numero verde fino alle 18:00. Si ricorda di indirizzare gli utenti al portale online per disdette e cambi appuntamento.
Ufficio Relazioni con il Pubblico
""",
)

add(
    "it-neg-job_ad-oss-rsa",
    "it",
    "job_ad",
    "neg",
    """
CERCASI Operatore Socio-Sanitario (OSS) – RSA Villa Serena, Brescia
Contratto CCNL Sanità privata, tempo indeterminato dopo periodo di prova. Turni diurni e notturni su 5 giorni.
Requisiti: attestato OSS, patente B, disponibilità immediata.
Si offre: formazione interna, mensa aziendale, ambiente giovane.
Inviare CV a selezione@villaserena.example
""",
)

add(
    "it-neg-code-query-ricoveri",
    "it",
    "code",
    "neg",
    """
mi ottimizzi questa query? su 3 milioni di righe ci mette 40 secondi

SELECT r.reparto, COUNT(*) AS ricoveri, AVG(r.giorni_degenza) AS degenza_media
FROM ricoveri r
JOIN diagnosi d ON d.ricovero_id = r.id
WHERE r.data_ammissione BETWEEN '2023-01-01' AND '2023-12-31'
GROUP BY r.reparto
ORDER BY ricoveri DESC;
""",
)

add(
    "it-neg-recipe-tiramisu-allergeni",
    "it",
    "recipe",
    "neg",
    """
Tiramisù classico (8 porzioni): 500 g di mascarpone, 4 uova freschissime, 100 g di zucchero, 300 g di savoiardi, caffè espresso, cacao amaro.
Allergeni: uova, latte, glutine. Per una versione senza glutine usare savoiardi certificati; per chi è intollerante al lattosio esiste il mascarpone delattosato. Riscrivi la lista ingredienti in formato menu.
""",
)

add(
    "it-neg-chat-codice-malato-terminale",
    "it",
    "chat",
    "neg",
    """
questo codice legacy è un malato terminale 💀 ogni volta che tocco una classe se ne rompono altre tre. mi suggerisci una strategia per introdurre test prima del refactoring?
""",
)

add(
    "it-neg-summary-montagna-incantata",
    "it",
    "summary",
    "neg",
    """
Riassumi per la mia tesina, massimo 80 parole: "La montagna incantata" di Thomas Mann. Il giovane ingegnere Hans Castorp va a trovare il cugino Joachim, malato di tubercolosi, nel sanatorio Berghof di Davos. Previsto per tre settimane, il soggiorno dura sette anni: anche a Hans viene diagnosticata una lieve infezione polmonare, e il sanatorio diventa il suo mondo.
""",
)

add(
    "it-neg-vet_note-cavallo-zoppia",
    "it",
    "vet_note",
    "neg",
    """
Referto visita veterinaria – Scuderia Le Querce
Cavallo: "Fulmine", castrone, sella italiano, 11 anni
Anamnesi: zoppia anteriore sinistra 3/5 dopo il concorso di domenica
Esame: test di flessione positivo, blocco digitale palmare positivo
Ecografia: tendinite del flessore superficiale AS
Terapia: box per 30 giorni, fenilbutazone 2,2 mg/kg per 5 giorni, docce fredde 2 volte al giorno
""",
)

add(
    "it-neg-review-bilancia-impedenziometrica",
    "it",
    "review",
    "neg",
    """
⭐⭐⭐⭐ Ottima per la palestra
La uso nel mio centro fitness per le valutazioni iniziali dei clienti. Si collega in pochi secondi, l'app esporta in CSV e la percentuale di massa grassa è coerente con la plicometria (±2%). Unico difetto: la superficie in vetro è scivolosa se si sale con i piedi bagnati.
""",
)

add(
    "it-neg-manual-pulsossimetro",
    "it",
    "manual",
    "neg",
    """
ISTRUZIONI PER L'USO – PULSOSSIMETRO DA DITO
1. Inserire due batterie AAA rispettando la polarità.
2. Aprire la pinza e inserire il dito indice fino in fondo, con l'unghia rivolta verso l'alto.
3. Premere il pulsante: dopo circa 8 secondi il display mostra SpO2 e frequenza del polso.
4. Lo smalto per unghie e le mani fredde possono alterare la misurazione.
Il dispositivo non è destinato al monitoraggio continuo.
""",
)

add(
    "it-neg-sports-stagione-senza-infortuni",
    "it",
    "sports_report",
    "neg",
    """
La Virtus ha chiuso una stagione praticamente senza infortuni muscolari, un dato che lo staff atletico attribuisce al monitoraggio GPS dei carichi in allenamento. Coach Bianchi ha potuto contare su tutto il roster per 34 partite su 36, e la squadra ha chiuso al secondo posto in regular season.
""",
)

add(
    "it-neg-translation-glossario-ortopedia",
    "it",
    "translation",
    "neg",
    """
Traduci in tedesco questo glossario per il catalogo dei nostri tutori ortopedici:
ginocchiera articolata – cavigliera elastica – busto lombare – collare cervicale morbido – tutore per pollice – plantare su misura
""",
)

add(
    "it-neg-chat-privacy-medico-competente",
    "it",
    "chat",
    "neg",
    """
Domanda generale sulla privacy: in un'azienda con 80 dipendenti, il datore di lavoro può vedere i giudizi di idoneità del medico competente? E le cartelle sanitarie dove devono essere conservate?
""",
)

add(
    "it-neg-chat-server-in-coma",
    "it",
    "chat",
    "neg",
    """
il nostro server di staging è in coma da stamattina 😵 ping ok ma nginx non risponde e i log sono vuoti. ho già provato a riavviare il container. cosa controllo prima di svegliare il sistemista?
""",
)
# ---------------------------------------------------------------------------
# DUTCH — positives
# ---------------------------------------------------------------------------
add(
    "nl-pos-chat-dochter-waterpokken",
    "nl",
    "chat",
    "pos",
    """
hoi! mijn dochter (4, 16 kilo) heeft [[waterpokken]] en [[jeukt zich helemaal suf]] 😩 ze heeft ook [[38,5 koorts]]. mag ik haar een [[paracetamol zetpil 240 mg]] geven en hoe vaak per dag? ibuprofen mocht niet zei de assistente
""",
)

add(
    "nl-pos-email-hr-long-covid-reintegratie",
    "nl",
    "email",
    "pos",
    """
Kun je me helpen met een mail aan de bedrijfsarts over Sanne de Boer (medewerker klantenservice)? Ze is sinds oktober ziek gemeld en heeft zelf verteld dat het om [[long covid]] gaat, met [[extreme vermoeidheid]] en [[concentratieproblemen]]. Ze werkt nu 2 x 2 uur per week. Ik wil vragen of het plan van aanpak bijgesteld moet worden, want de week 42-melding komt eraan.
""",
)

add(
    "nl-pos-nursing_note-sbar-overdracht",
    "nl",
    "nursing_note",
    "pos",
    """
Overdracht avond → nacht, afd. Chirurgie 3 (SBAR):
S: Dhr. Pieter van Dijk, 74 jr, k. 12, [[dag 1 na laparoscopische sigmoïdresectie]].
B: [[diabetes type 2]], [[COPD]]; thuis [[metformine 500 mg 2dd]].
A: [[pijn VAS 6]] ondanks [[paracetamol 1 g 4dd]], [[buik iets bol]], [[geen flatus]]. [[Glucose 14,2]] om 21:00. [[Saturatie 93% bij 2 l O2]].
R: arts gebeld, [[oxycodon 5 mg]] zo nodig gestart, glucose om 02:00 herhalen.
""",
)

add(
    "nl-pos-clinical_note-ontslagbrief-longembolie",
    "nl",
    "clinical_note",
    "pos",
    """
Ontslagbrief – afdeling Longziekten
Geachte collega, uw patiënte mevr. Esther Vermeulen (geb. 18-04-1988) was opgenomen van 5 t/m 9 maart.
Diagnose: [[bilaterale longembolieën]], waarschijnlijk geassocieerd met [[orale anticonceptie]]
Beleid: [[apixaban 10 mg 2dd gedurende 7 dagen, daarna 5 mg 2dd]] voor minimaal 3 maanden; anticonceptiepil gestaakt
Controle: polikliniek over 6 weken.
Kun je dit in begrijpelijke taal uitleggen? Ik ben Esther.
""",
)

add(
    "nl-pos-lab_report-nierfunctie",
    "nl",
    "lab_report",
    "pos",
    """
Uitslagen van mijn vader (Henk, 79) uit het patiëntportaal, de huisarts belt pas maandag terug:
[[Kreatinine   168 µmol/l]]   (60-110)  H
[[eGFR         34 ml/min]]    (>60)     L
[[Kalium       5,8 mmol/l]]   (3,5-5,0) H
[[Natrium      136 mmol/l]]   (135-145)
Is dat kalium gevaarlijk hoog? Hij gebruikt [[spironolacton]] en [[enalapril]].
""",
)

add(
    "nl-pos-csv-verpleeghuis-bewoners",
    "nl",
    "csv",
    "pos",
    """
Kun je deze export omzetten naar een overzicht per afdeling?
naam;afdeling;geb_datum;diagnoses;medicatie;bijzonderheden
Truus Bakker;De Linde;1937-02-11;[[ziekte van Alzheimer]], [[artrose]];[[galantamine 16 mg]];[[valrisico hoog]]
Gerrit Smit;De Eik;1943-09-03;[[CVA 2022]], [[afasie]];[[clopidogrel 75 mg]];[[slikproblemen, vloeibaar verdikt]]
Marietje Jansen;De Linde;1931-12-24;[[hartfalen]], [[decubitus stuit cat. 2]];[[furosemide 40 mg]];[[wisselligging 3-uurs]]
""",
)

add(
    "nl-pos-physio_plan-frozen-shoulder",
    "nl",
    "physio_plan",
    "pos",
    """
Behandelplan fysiotherapie – mevr. Lotte Hendriks, 52 jr
Hulpvraag: weer haar kunnen föhnen en slapen zonder pijn
Diagnose: [[frozen shoulder links]], [[stadium 2 (stijfheidsfase)]]
Onderzoek: [[actieve abductie 85°]], [[exorotatie 20°]] (rechts 80°), [[nachtpijn NPRS 7]]
Plan: 1x/week 12 weken, mobiliserende oefeningen binnen pijngrens, thuisoefenprogramma via Physitrack
Evaluatie na 6 weken (SPADI).
""",
)

add(
    "nl-pos-dental_note-bruxisme",
    "nl",
    "dental_note",
    "pos",
    """
Tandartsverslag 14-02 – patiënt: Bram Visser
Klacht: [[kaakpijn 's ochtends]], [[hoofdpijn bij de slapen]]
Anamnese: veel stress door werk, gebruikt sinds kort [[venlafaxine]]
Bevindingen: [[slijtagefacetten front en premolaren]], [[hypertrofie m. masseter]], [[barst in 46]]
Diagnose: [[bruxisme]]
Behandeling: opbeetplaat (Michigan-splint) aangemeten, afdruk gemaakt; kroon 46 in overweging
""",
)

add(
    "nl-pos-chat-ptss-uitzending",
    "nl",
    "chat",
    "pos",
    """
ik ben veteraan en heb sinds mijn uitzending naar Uruzgan [[PTSS]]. slaap slecht, [[nachtmerries]] bijna elke nacht, en bij harde knallen [[schiet ik helemaal in de stress]]. zit nu bij de veteranenzorg in [[EMDR-therapie]]. hoe leg ik mijn nieuwe werkgever uit dat ik oud en nieuw vrij wil zonder dat hele verhaal?
""",
)

add(
    "nl-pos-pharmacy_note-medicatiebeoordeling",
    "nl",
    "pharmacy_note",
    "pos",
    """
Medicatiebeoordeling – Apotheek De Gaper – 19-09
Patiënt: mevr. A. Koster, 83 jr, woont zelfstandig met thuiszorg
Medicatie: [[omeprazol 40 mg]], [[temazepam 10 mg a.n.]], [[amitriptyline 25 mg]], [[tramadol 50 mg zn]], [[metoprolol 50 mg]]
Probleem: 3 [[valincidenten]] afgelopen half jaar, [[duizeligheid bij opstaan]]
Voorstel aan huisarts: temazepam en amitriptyline afbouwen, omeprazol naar 20 mg
""",
)

add(
    "nl-pos-forum-miskraam-echo",
    "nl",
    "forum",
    "pos",
    """
Vandaag de echo gehad bij [[9 weken]] en er was [[geen hartslag meer]] 💔 Ze noemen het een [[missed abortion]]. Ik mag kiezen tussen afwachten, [[misoprostol]] of een [[curettage]]. Wie heeft wat gekozen en hoe ging het? Ik weet het echt even niet meer.
""",
)

add(
    "nl-pos-sms-opa-heup",
    "nl",
    "sms",
    "pos",
    """
Hee, opa is vanmiddag gevallen in de tuin, ze denken dat zijn [[heup gebroken]] is 😢 hij ligt nu in het Jeroen Bosch op de SEH, krijgt eerst [[foto's]] en dan waarschijnlijk morgen [[geopereerd]]. Mama gaat erheen, kun jij de hond uitlaten?
""",
)

add(
    "nl-pos-insurance-machtiging-ooglid",
    "nl",
    "insurance",
    "pos",
    """
Aanvraag machtiging – Zorgverzekeraar
Verzekerde: Wim de Groot, relatienummer 202384719
Behandeling: [[bovenooglidcorrectie beiderzijds]]
Medische indicatie: [[dermatochalasis]] met [[gezichtsveldbeperking]]; [[gezichtsveldonderzoek toont uitval van 32% bovenste helft]]
Verwijzer: oogarts dr. Mulder, Amphia Ziekenhuis
Bijlagen: foto's frontaal en zijaanzicht, uitslag perimetrie
""",
)

add(
    "nl-pos-school_note-jgz-verslag",
    "nl",
    "school_note",
    "pos",
    """
JGZ – verslag contactmoment groep 7 – basisschool De Regenboog
Leerling: Daan Mertens, 10 jr
Lengte 146 cm, [[gewicht 52 kg]], [[BMI 24,4 (ernstig overgewicht voor leeftijd)]]
Ouders geven aan: [[snurkt veel]], [[veel moe op school]], wordt gepest tijdens gym
Afspraak: verwijzing naar Centrale Zorgverlener kindergezondheid, vervolg over 3 mnd
""",
)

add(
    "nl-pos-letter-verwijzing-dermatologie",
    "nl",
    "letter",
    "pos",
    """
Verwijsbrief – Dermatologie (spoed binnen 2 weken)
Betreft: mevr. Fenna Kok, 61 jr
Vraagstelling: [[pigmentlaesie rug]] ([[0,9 cm]]) die volgens patiënte de afgelopen maanden [[groter en donkerder is geworden]]. Dermatoscopie: [[asymmetrisch, meerdere kleuren]], [[atypisch netwerk]]. [[Verdenking melanoom]].
Voorgeschiedenis: [[basaalcelcarcinoom neus 2019]].
Met collegiale groet, H. de Wit, huisarts
""",
)

add(
    "nl-pos-email-ivf-verlof",
    "nl",
    "email",
    "pos",
    """
Hoi Mark,
Even vertrouwelijk: mijn vriendin en ik zitten in een [[IVF-traject]] vanwege mijn [[lage zaadkwaliteit]]. De komende weken moet ik een paar keer met korte termijn vrij voor een [[ICSI-procedure]] in het AMC. Zou ik die uren flexibel mogen inhalen? Liever niet doorvertellen aan het team.
Groet, Joris
""",
)

add(
    "nl-pos-json-slaapapp-narcolepsie",
    "nl",
    "json",
    "pos",
    """
Export uit mijn slaap-app, kun je zien of mijn slaapaanvallen overdag afnemen sinds de nieuwe medicatie? Diagnose [[narcolepsie type 1]], sinds 1 mei op [[pitolisant 36 mg]].
{"gebruiker": "ilse_vd", "dagen": [
 {"datum": "2024-04-28", "nachtslaap_u": 7.1, [["slaapaanvallen_overdag": 5]], [["kataplexie": true]]},
 {"datum": "2024-05-12", "nachtslaap_u": 7.4, [["slaapaanvallen_overdag": 3]], "kataplexie": false},
 {"datum": "2024-05-26", "nachtslaap_u": 7.6, [["slaapaanvallen_overdag": 2]], "kataplexie": false}
]}
""",
)

add(
    "nl-pos-chat-vader-oxycodon",
    "nl",
    "chat",
    "pos",
    """
mijn vader (66) kreeg na zijn [[rugoperatie]] [[oxycodon]] en gebruikt het nu al anderhalf jaar. volgens mij is hij [[verslaafd]], hij haalt recepten bij twee huisartsen en is [[suf en prikkelbaar]]. hoe kaart ik dit aan zonder ruzie? mijn moeder durft niks te zeggen
""",
)

add(
    "nl-pos-form-uwv-wia",
    "nl",
    "form",
    "pos",
    """
Help me met het invullen van de vraag "Beschrijf uw beperkingen" op het UWV-formulier voor de WIA:
Ik ben Karin Peeters, 47, productiemedewerker. Ik heb sinds 2021 [[reumatoïde artritis]] met [[ontstoken gewrichten in handen en voeten]]. Ik [[kan niet langer dan 20 minuten staan]] en [[niet tillen]]. Ondanks [[methotrexaat 20 mg per week]] en [[adalimumab]] heb ik [[flares]] van soms weken.
""",
)

add(
    "nl-pos-transcript-huisartsconsult",
    "nl",
    "transcript",
    "pos",
    """
Opname van het consult van mijn moeder, kun je dit samenvatten voor mijn broer?
Huisarts: U zegt dat u de laatste tijd [[vaak moet plassen]] en [[veel dorst]] heeft?
Mama: Ja, en ik ben [[5 kilo afgevallen]] zonder dat ik iets doe.
Huisarts: Uw [[nuchtere glucose is 11,3]]. Dat past bij [[diabetes]]. We starten met [[metformine 500 mg]], één keer per dag bij het avondeten.
""",
)

add(
    "nl-pos-prescription-recept-prednison",
    "nl",
    "prescription",
    "pos",
    """
Recept – Huisartsenpraktijk Zuidwijk – 02-12-2024
Patiënt: Sem Dekker, geb. 14-06-1995
R/ [[Prednisolon 30 mg tablet]]
S/ [[1 dd 1 tablet gedurende 5 dagen]]
R/ [[Salbutamol inhalator 100 µg]]
S/ [[zo nodig 2 pufjes, max 8 per dag]]
Indicatie: [[astma-exacerbatie]]
""",
)

add(
    "nl-pos-chat-vlaams-zoon-autisme",
    "nl",
    "chat",
    "pos",
    """
ons zoontje (6) heeft vorige maand de diagnose [[ASS]] gekregen van het COS in Gent, en hij heeft ook [[een taalontwikkelingsstoornis]]. de juf zegt dat hij [[driftbuien]] krijgt als het druk is in de klas. hoe vragen we het best een GON-begeleiding aan? ik ben daar helemaal niet mee weg
""",
)
# ---------------------------------------------------------------------------
# DUTCH — negatives
# ---------------------------------------------------------------------------
add(
    "nl-neg-chat-griepprik-werking",
    "nl",
    "chat",
    "neg",
    """
algemene vraag: hoe werkt een griepprik eigenlijk? waarom moet je hem elk jaar opnieuw halen en bij corona niet altijd?
""",
)

add(
    "nl-neg-article-eigen-risico",
    "nl",
    "article",
    "neg",
    """
Het kabinet wil het verplicht eigen risico in de zorg vanaf 2026 halveren naar 165 euro. Zorgverzekeraars waarschuwen dat de premie daardoor met zo'n 4 euro per maand kan stijgen. Ook wordt een maximum per behandeling ingevoerd, zodat één ziekenhuisbezoek niet meteen het hele eigen risico opsoupeert. Kun je dit in B1-taalniveau herschrijven?
""",
)

add(
    "nl-neg-email-rooster-poli",
    "nl",
    "email",
    "neg",
    """
Beste collega's,
Vanaf maandag 3 juni verhuist de polikliniek Orthopedie tijdelijk naar route 42 op de tweede verdieping, in verband met de verbouwing. De baliemedewerkers starten die week om 07:45. Patiënten krijgen een brief met de nieuwe route; bewegwijzering wordt vrijdag geplaatst.
Met vriendelijke groet, Facilitair Bedrijf
""",
)

add(
    "nl-neg-job_ad-verpleegkundige-ic",
    "nl",
    "job_ad",
    "neg",
    """
Vacature: IC-verpleegkundige (24–36 uur) – Noordwest Ziekenhuisgroep, Alkmaar
Wat ga je doen? Je verzorgt en bewaakt patiënten die intensieve zorg nodig hebben, werkt nauw samen met intensivisten en begeleidt leerlingen.
Wat vragen we? BIG-registratie, afgeronde IC-opleiding of de wens deze te volgen.
Wat bieden we? Salaris FWG 60 conform cao Ziekenhuizen, eindejaarsuitkering 8,33%, reiskostenvergoeding.
""",
)

add(
    "nl-neg-code-verzuimrapport-pandas",
    "nl",
    "code",
    "neg",
    """
kan dit sneller? het script maakt een verzuimrapport per afdeling uit ons HR-systeem

import pandas as pd

def verzuimpercentage(df: pd.DataFrame) -> pd.DataFrame:
    df["ziektedagen"] = (df["hersteld_op"] - df["ziek_vanaf"]).dt.days
    totaal = df.groupby("afdeling")["ziektedagen"].sum()
    return (totaal / df.groupby("afdeling")["fte_dagen"].first() * 100).round(1)
""",
)

add(
    "nl-neg-recipe-stamppot-allergenen",
    "nl",
    "recipe",
    "neg",
    """
Boerenkoolstamppot met rookworst (4 personen)
1,5 kg kruimige aardappelen, 500 g gesneden boerenkool, 1 rookworst, 150 ml warme melk, klontje boter, peper en zout, eventueel spekjes.
Allergenen: melk, mogelijk selderij en mosterd in de rookworst. Voor gasten met een koemelkallergie: gebruik havermelk en plantaardige boter.
""",
)

add(
    "nl-neg-chat-overleg-bevalling",
    "nl",
    "chat",
    "neg",
    """
pff dat overleg met de gemeente was echt een bevalling 😅 drie uur voor één handtekening. kun je een korte, vriendelijke samenvatting mailen die ik naar de wethouder kan sturen met de afspraken?
""",
)

add(
    "nl-neg-summary-turks-fruit",
    "nl",
    "summary",
    "neg",
    """
Schrijf een korte flaptekst voor de schoolbibliotheek: "Turks fruit" van Jan Wolkers. De beeldhouwer Erik vertelt over zijn hartstochtelijke liefde voor Olga, die hem uiteindelijk verlaat. Jaren later ziet hij haar terug: ze blijkt een hersentumor te hebben, en hij bezoekt haar trouw in het ziekenhuis tot aan haar dood.
""",
)

add(
    "nl-neg-vet_note-konijn-gebit",
    "nl",
    "vet_note",
    "neg",
    """
Dierenkliniek Rivierenland – consultverslag
Patiënt: "Snuffel", konijn (Hollander), mannelijk, 5 jaar, 1,9 kg – eigenaar fam. Peters
Klacht: eet slecht, kwijlt, minder keutels
Bevinding: haken aan de kiezen onderkaak, wondje in de wang
Behandeling: kiezen geknipt/gevijld onder sedatie, meloxicam 0,5 mg/kg 1 dd 5 dagen, critical care dwangvoeding
Advies: meer hooi, controle over 6 weken
""",
)

add(
    "nl-neg-review-ehbo-koffer",
    "nl",
    "review",
    "neg",
    """
★★★★★ Compleet en overzichtelijk
Voor onze voetbalvereniging aangeschaft voor langs het veld. Alles zit in genummerde vakjes: tape, steriele gazen, coldpacks, tekenpincet, brandwondengel en een reddingsdeken. De checklist in de klep maakt aanvullen na het seizoen makkelijk. Enige minpunt: de rits is wat stug.
""",
)

add(
    "nl-neg-manual-aed",
    "nl",
    "manual",
    "neg",
    """
GEBRUIKSAANWIJZING AED – snelkaart
1. Open het deksel; het apparaat gaat automatisch aan en geeft gesproken instructies.
2. Ontbloot de borst en plak de elektroden zoals op de afbeelding.
3. Raak het slachtoffer niet aan tijdens de hartritme-analyse.
4. Drukt de AED op "schok", zorg dat niemand het slachtoffer aanraakt en druk op de knipperende knop.
5. Ga direct verder met reanimeren (30:2) tot de ambulance er is.
""",
)

add(
    "nl-neg-sports-blessurevrij-seizoen",
    "nl",
    "sports_report",
    "neg",
    """
FC Twente beleefde een vrijwel blessurevrij seizoen, mede dankzij het nieuwe belastingsprotocol van de medische staf. Trainer Oosting kon daardoor bijna altijd met een vaste basis spelen. De Tukkers eindigden als derde en plaatsten zich voor de voorrondes van de Champions League.
""",
)

add(
    "nl-neg-translation-glossarium-ggz",
    "nl",
    "translation",
    "neg",
    """
Vertaal deze termen voor onze Engelstalige GGZ-website:
intakegesprek – behandelplan – wachtlijst – verwijsbrief van de huisarts – eigen bijdrage – crisisdienst – zorgverzekeraar
""",
)

add(
    "nl-neg-chat-avg-gezondheidsgegevens",
    "nl",
    "chat",
    "neg",
    """
AVG-vraag (algemeen): mag een werkgever bij een ziekmelding vragen wat de medewerker mankeert? En wat mag de leidinggevende wél registreren in het verzuimsysteem?
""",
)

add(
    "nl-neg-news-operatierobot",
    "nl",
    "news",
    "neg",
    """
Het Maasstad Ziekenhuis in Rotterdam heeft een tweede operatierobot in gebruik genomen. Met de robot kunnen chirurgen via kleine sneetjes opereren, wat volgens het ziekenhuis leidt tot een kortere opnameduur. De aanschaf van 2,4 miljoen euro werd deels betaald door de vriendenstichting. Maak hier een tweet van.
""",
)
# ---------------------------------------------------------------------------
# PORTUGUESE — positives
# ---------------------------------------------------------------------------
add(
    "pt-pos-chat-dipirona-filho",
    "pt",
    "chat",
    "pos",
    """
oi, meu filho de 2 anos ta com [[39,5 de febre]] desde ontem e [[vomitou 2x]]. ele pesa 13 kg. quantas gotas de [[dipirona]] posso dar? a pediatra falou 1 gota por kg mas fiquei na dúvida se é isso mesmo 😥
""",
)

add(
    "pt-pos-email-rh-afastamento-tendinite",
    "pt",
    "email",
    "pos",
    """
Preciso de um e-mail formal para a gestora do setor de faturamento informando que a colaboradora Juliana Alves (matrícula 20931) ficará afastada pelo INSS a partir de 10/06. O atestado indica [[tendinite no punho direito]] e [[síndrome do túnel do carpo]] (CID M65.9 / G56.0), com previsão de [[cirurgia]] em julho. Peça a redistribuição das tarefas dela e reforce o sigilo.
""",
)

add(
    "pt-pos-nursing_note-passagem-plantao",
    "pt",
    "nursing_note",
    "pos",
    """
Passagem de plantão – Clínica Médica, leito 14 – resume pra mim:
Sr. Valdir Souza, 69a, [[ICC]] + [[DM2]] + [[DRC não dialítica]]. Noite com [[dispneia]] às 2h, [[SpO2 88%]] em ar ambiente, instalado [[O2 por cateter 3 L/min]] → [[SpO2 94%]]. Feito [[furosemida 40 mg EV]] conforme prescrição, [[diurese 900 ml]]. [[HGT 245]] às 6h, aplicadas [[4 UI de insulina regular]]. Família ciente.
""",
)

add(
    "pt-pos-clinical_note-nota-alta-apendicite",
    "pt",
    "clinical_note",
    "pos",
    """
NOTA DE ALTA – Serviço de Cirurgia Geral – Hospital de Santo António
Doente: Tiago Miguel Ferreira, 23 anos, N.º processo 2291044
Diagnóstico: [[apendicite aguda flegmonosa]]
Procedimento: [[apendicectomia laparoscópica]] em 12/04, sem intercorrências
Medicação: [[paracetamol 1 g de 8/8 h]] se dor, [[ibuprofeno 400 mg de 12/12 h]] durante 3 dias
Recomendações: evitar esforços durante 2 semanas; retirar agrafos no centro de saúde ao 10.º dia
""",
)

add(
    "pt-pos-lab_report-exames-vitamina-d",
    "pt",
    "lab_report",
    "pos",
    """
Meus exames chegaram, alguém me explica? Médica só daqui 20 dias 😩
Paciente: Fernanda Ribeiro – 36 anos
[[Vitamina D (25-OH): 14 ng/mL]]  (ref. 30–100)
[[TSH: 5,9 µUI/mL]]  (ref. 0,4–4,5)
[[Anti-HCV: reagente]]
[[Hemoglobina: 12,8 g/dL]]
O anti-HCV reagente quer dizer que eu tenho [[hepatite C]]??
""",
)

add(
    "pt-pos-csv-lar-idosos",
    "pt",
    "csv",
    "pos",
    """
Podes organizar isto por quarto e destacar quem tem risco de queda?
utente;quarto;idade;diagnosticos;medicacao;observacoes
Maria do Céu Lopes;3;90;[[demência mista]], [[osteoporose]];[[quetiapina 25 mg]], [[ácido alendrónico 70 mg]];[[risco de queda elevado]]
Joaquim Pires;5;84;[[DPOC]], [[hipertensão]];[[brometo de tiotrópio]], [[lisinopril 10 mg]];[[oxigénio nocturno]]
Albertina Sousa;5;87;[[diabetes tipo 2]], [[amputação dedos pé dto]];[[metformina 850 mg]];[[penso diário]]
""",
)

add(
    "pt-pos-physio_plan-fascite-plantar",
    "pt",
    "physio_plan",
    "pos",
    """
Plano de fisioterapia – Sra. Cláudia Martins, 45 anos, professora
Diagnóstico médico: [[fascite plantar esquerda]] há 5 meses
Avaliação: [[dor EVA 7/10 nos primeiros passos da manhã]], [[dor à palpação da inserção medial do calcâneo]], [[encurtamento dos gémeos]]
Objetivo: caminhar 30 min sem dor em 8 semanas
Plano: alongamentos 3x/dia, fortalecimento intrínseco do pé, ondas de choque (5 sessões), palmilhas
Transforma isto numa mensagem simpática para a paciente.
""",
)

add(
    "pt-pos-dental_note-siso-alveolite",
    "pt",
    "dental_note",
    "pos",
    """
Prontuário odontológico – Clínica Sorriso Certo – Paciente: Rafael Nunes
03/09: [[exodontia do 38]] (incluso, osteotomia), anestesia [[articaína 4% 2 tubetes]]. Prescrito [[amoxicilina 500 mg 8/8 h 7 dias]] e [[nimesulida 100 mg 12/12 h 3 dias]].
06/09: retorno com [[dor intensa irradiando para o ouvido]] e [[halitose]]. Alvéolo sem coágulo → [[alveolite seca]]. Irrigação com soro, Alveosan. Retorno em 48 h.
""",
)

add(
    "pt-pos-chat-toc-clomipramina",
    "pt",
    "chat",
    "pos",
    """
tenho [[TOC]] desde adolescente, lavo as mãos até [[sangrar]] e checo o fogão umas 20x antes de sair. comecei [[clomipramina 75 mg]] mês passado e tô com [[boca seca]] e [[constipação]] horrível. alguém que toma sabe se melhora? minha psiquiatra quer subir pra 100
""",
)

add(
    "pt-pos-pharmacy_note-farmacia-pt",
    "pt",
    "pharmacy_note",
    "pos",
    """
Registo de intervenção farmacêutica – Farmácia Central, Braga – 17/01
Utente: Sr. Manuel Costa, 74 anos
Receita: [[Varfine 5 mg]] (dose conforme INR) + novo: [[Fluconazol 150 mg]] 1x/semana (dermatologista)
Risco: aumento do efeito anticoagulante com fluconazol
Intervenção: contacto com médico de família; [[INR de controlo]] marcado para dia 20. Utente refere [[nódoas negras nos braços]] na última semana — aconselhado a referir na consulta.
""",
)

add(
    "pt-pos-forum-gravidez-pre-eclampsia",
    "pt",
    "forum",
    "pos",
    """
Meninas, preciso de apoio 🙏 tô de [[32 semanas]] e hoje no pré-natal minha [[pressão deu 15 por 10]] e tinha [[proteína na urina]]. A médica falou em [[pré-eclâmpsia]] e me internou pra observação. Tô tomando [[metildopa 250 mg]]. Alguém passou por isso? Medo de o bebê ter que nascer agora
""",
)

add(
    "pt-pos-sms-vo-internada",
    "pt",
    "sms",
    "pos",
    """
Gente, a vó foi internada na Santa Casa hoje de manhã com [[pneumonia]] 😢 tá com [[oxigênio]] mas conversando. Os médicos disseram que a [[saturação tava em 86]] quando ela chegou. Visita só das 15 às 16h, um por vez. Quem consegue ir amanhã?
""",
)

add(
    "pt-pos-insurance-reembolso-bariatrica",
    "pt",
    "insurance",
    "pos",
    """
Solicitação de autorização – Plano de Saúde
Beneficiário: Eduardo Cardoso Lima – carteirinha 0 884 221 003771 009
Procedimento: [[gastroplastia redutora por videolaparoscopia (bypass gástrico)]]
Justificativa: [[obesidade grau III]], [[IMC 41,2]], com [[hipertensão arterial]] e [[apneia obstrutiva do sono]]; [[falha de tratamento clínico por 2 anos]]
Anexos: laudo do endocrinologista, avaliação psicológica e nutricional
Revisa o texto pra ficar mais formal?
""",
)

add(
    "pt-pos-school_note-hemofilia",
    "pt",
    "school_note",
    "pos",
    """
Informação para os professores e auxiliares – EB 2,3 de Matosinhos
Aluno: Gonçalo Teixeira, 6.º B
O Gonçalo tem [[hemofilia A grave]] e faz [[profilaxia com fator VIII]] três vezes por semana em casa.
Em caso de queda ou pancada (sobretudo na cabeça ou articulações): aplicar gelo, avisar de imediato a mãe (912 555 104) e o 112 se houver [[inchaço]] ou dor forte.
Pode fazer Educação Física, exceto desportos de contacto.
""",
)

add(
    "pt-pos-letter-encaminhamento-mastologia",
    "pt",
    "letter",
    "pos",
    """
ENCAMINHAMENTO – UBS Vila Esperança → Mastologia
Paciente: Marlene Aparecida dos Santos, 52 anos, Cartão SUS 704 1023 4455 6677
Motivo: [[nódulo palpável em QSE de mama esquerda]], [[2,3 cm]], endurecido
Exames: [[mamografia BI-RADS 4C]] (15/08)
História: [[mãe com câncer de mama aos 48 anos]]
Solicito avaliação e biópsia com prioridade.
""",
)

add(
    "pt-pos-email-chefe-mulher-avc",
    "pt",
    "email",
    "pos",
    """
Olá Rui,
Queria pedir-te algo com alguma urgência. A minha mulher teve um [[AVC]] há três semanas e ficou com o [[lado direito paralisado]]; vai ter alta para casa na sexta e vai precisar de [[fisioterapia diária]]. Seria possível eu passar para horário flexível ou teletrabalho durante os próximos 2 meses?
Obrigado pela compreensão,
Nuno
""",
)

add(
    "pt-pos-json-app-corrida-asma",
    "pt",
    "json",
    "pos",
    """
Exportei os dados do meu app de corrida, consegue ver se as crises acontecem mais nos dias frios? Tenho [[asma induzida por exercício]] e uso [[salbutamol 2 jatos]] antes de correr.
{"atleta": "bruno.rs", "corridas": [
 {"data": "2024-06-03", "temp_c": 11, "km": 8.2, "fc_media": 158, [["crise_asma": true]], "spo2_pos": "[[SpO2 93%]]"},
 {"data": "2024-06-07", "temp_c": 19, "km": 10.0, "fc_media": 152, "crise_asma": false, "spo2_pos": "[[SpO2 97%]]"},
 {"data": "2024-06-12", "temp_c": 9, "km": 6.5, "fc_media": 163, [["crise_asma": true]], "spo2_pos": "[[SpO2 92%]]"}
]}
""",
)

add(
    "pt-pos-chat-dependencia-rivotril",
    "pt",
    "chat",
    "pos",
    """
tomo [[rivotril]] há 7 anos, começou com [[0,5 mg]] pra dormir e hoje tô em [[2 mg]] por dia. acho que criei [[dependência]], se esqueço uma dose fico com [[tremedeira]] e [[coração disparado]]. como falo pro meu médico que quero parar sem ele achar que tô viciada?
""",
)

add(
    "pt-pos-form-laudo-pcd",
    "pt",
    "form",
    "pos",
    """
Me ajuda a escrever a justificativa pra inscrição como PcD no concurso do TRT?
Dados: Patrícia Gomes, 29 anos. Tenho [[visão monocular]] desde os 12 anos por [[descolamento de retina no olho esquerdo]] ([[acuidade visual OE: sem percepção luminosa]]). Laudo do oftalmologista com CID H54.4 já emitido em março.
""",
)

add(
    "pt-pos-transcript-consulta-gota",
    "pt",
    "transcript",
    "pos",
    """
Transcrição da consulta do meu pai (pra mandar pros meus irmãos):
Médico: Seu Antônio, esse [[dedão inchado e vermelho]] começou quando?
Pai: Domingo, depois do churrasco. Não consigo nem pôr o chinelo.
Médico: O [[ácido úrico deu 9,8]]. Isso é [[crise de gota]]. Vou passar [[colchicina 0,5 mg]] e depois a gente começa o [[alopurinol]].
Pai: E a cerveja?
Médico: Essa vai ter que dar um tempo.
""",
)

add(
    "pt-pos-prescription-receita-pt",
    "pt",
    "prescription",
    "pos",
    """
Receita médica – Centro de Saúde de Alvalade – 05/02/2025
Utente: Inês Carvalho Rocha, n.º SNS 284 119 503
1. [[Azitromicina 500 mg]], 3 comprimidos – [[1 comprimido por dia durante 3 dias]]
2. [[Ben-u-ron 1 g]], 20 comprimidos – [[1 comprimido de 8/8 h se febre ou dor]]
Diagnóstico: [[amigdalite aguda]]
""",
)

add(
    "pt-pos-log-erro-prontuario",
    "pt",
    "log",
    "pos",
    """
o sistema tá dando esse erro ao salvar prontuário, sabe o que pode ser?
2024-09-18 10:42:07 ERROR ProntuarioService - Falha ao persistir evolução: value too long for column "cid"
  payload={"paciente":"Rogério Batista","cpf":"***.412.778-**","cid":"[[F32.2 episódio depressivo grave sem sintomas psicóticos]]","conduta":"[[sertralina 100 mg/dia]] + [[encaminhamento CAPS]]"}
2024-09-18 10:42:07 WARN  RetryHandler - tentativa 3/3 esgotada
""",
)
# ---------------------------------------------------------------------------
# PORTUGUESE — negatives
# ---------------------------------------------------------------------------
add(
    "pt-neg-chat-antibiotico-leite",
    "pt",
    "chat",
    "neg",
    """
dúvida geral: por que dizem que não pode tomar alguns antibióticos com leite? é verdade pra todos ou só pra alguns tipos?
""",
)

add(
    "pt-neg-article-urgencias-sns",
    "pt",
    "article",
    "neg",
    """
Pelo menos seis serviços de urgência de obstetrícia vão funcionar em regime rotativo durante o verão, devido à falta de médicos nas escalas. A Direção Executiva do SNS garante que as grávidas serão encaminhadas através da linha SNS 24 para o hospital aberto mais próximo. Resume esta notícia em 2 frases neutras.
""",
)

add(
    "pt-neg-email-escala-ferias",
    "pt",
    "email",
    "neg",
    """
Caros colegas,
As escalas de férias da enfermagem para julho e agosto devem ser entregues à chefia até 30 de abril. Pedimos que cada equipa garanta no mínimo 4 enfermeiros por turno na Medicina Interna e 3 na Cirurgia. Trocas posteriores só serão aceites com a assinatura de ambos os profissionais.
Enf.ª Diretora
""",
)

add(
    "pt-neg-job_ad-tecnico-enfermagem",
    "pt",
    "job_ad",
    "neg",
    """
VAGA: Técnico(a) de Enfermagem – UTI Adulto – Hospital Santa Helena (Goiânia)
Escala 12x36 noturno | Salário R$ 2.850 + adicional noturno + insalubridade
Requisitos: curso técnico completo, COREN ativo, experiência mínima de 6 meses em UTI
Benefícios: VR, VT, plano de saúde e odontológico
Envie currículo para vagas@santahelena.example com o assunto "TEC UTI"
""",
)

add(
    "pt-neg-code-interface-paciente",
    "pt",
    "code",
    "neg",
    """
tá certo modelar assim ou separo alergias numa tabela própria?

interface Paciente {
  id: string;
  nome: string;
  dataNascimento: Date;
  cartaoSus?: string;
  alergias: string[];
  comorbidades: string[];
}
""",
)

add(
    "pt-neg-recipe-bolo-cenoura",
    "pt",
    "recipe",
    "neg",
    """
Bolo de cenoura sem glúten
3 cenouras médias, 3 ovos, 1/2 xícara de óleo, 1 xícara de açúcar, 1 e 1/2 xícara de farinha de arroz, 1 colher (sopa) de fermento.
Bata tudo no liquidificador menos o fermento, misture e asse por 40 min a 180 °C.
Contém: ovo. Adequado para celíacos se todos os ingredientes forem certificados sem glúten.
""",
)

add(
    "pt-neg-chat-reuniao-parto",
    "pt",
    "chat",
    "neg",
    """
essa reunião de orçamento foi um parto 😮‍💨 três horas pra aprovar uma planilha. me ajuda a escrever a ata em tópicos curtos com as decisões e os responsáveis?
""",
)

add(
    "pt-neg-summary-ensaio-cegueira",
    "pt",
    "summary",
    "neg",
    """
Faz um resumo de 4 linhas do "Ensaio sobre a Cegueira" do Saramago para o meu clube de leitura: uma epidemia inexplicável de cegueira branca espalha-se por uma cidade sem nome. Os primeiros cegos são colocados em quarentena num antigo manicómio, onde só a mulher do médico, que finge estar cega, ainda consegue ver.
""",
)

add(
    "pt-neg-vet_note-cao-erliquiose",
    "pt",
    "vet_note",
    "neg",
    """
Ficha clínica veterinária – Clínica Pet Vida
Paciente: "Thor", SRD, macho, 4 anos, 22 kg – Tutora: Sra. Carla
Queixa: apatia, falta de apetite, sangramento nasal há 2 dias
Exames: plaquetas 48.000/µL, teste rápido Ehrlichia canis positivo
Diagnóstico: erliquiose canina
Tratamento: doxiciclina 10 mg/kg 1x/dia por 28 dias, controle de carrapatos no ambiente
""",
)

add(
    "pt-neg-review-aparelho-tens",
    "pt",
    "review",
    "neg",
    """
⭐⭐⭐⭐ Bom aparelho para o consultório
Compramos este TENS/FES para a nossa clínica de fisioterapia. Dois canais independentes, 12 programas pré-definidos e a bateria aguenta um dia inteiro de atendimentos. Os eletrodos que vêm na caixa perdem a aderência rápido, então recomendo comprar à parte.
""",
)

add(
    "pt-neg-manual-cadeira-rodas",
    "pt",
    "manual",
    "neg",
    """
MANUAL DO UTILIZADOR – CADEIRA DE RODAS DOBRÁVEL
1. Para abrir, incline a cadeira ligeiramente e pressione os dois lados do assento para baixo.
2. Acione sempre os travões antes de sentar ou levantar o utilizador.
3. Verifique a pressão dos pneus mensalmente (2,5 bar).
4. Peso máximo suportado: 120 kg.
Não utilize em escadas rolantes.
""",
)

add(
    "pt-neg-sports-temporada-sem-lesoes",
    "pt",
    "sports_report",
    "neg",
    """
O Sporting de Braga fechou a temporada praticamente sem lesões musculares graves, o que o departamento médico atribui ao novo programa de prevenção e à gestão de minutos. O técnico pôde repetir o onze inicial em 22 das 34 jornadas, e a equipa terminou no 4.º lugar.
""",
)

add(
    "pt-neg-translation-glossario-odonto",
    "pt",
    "translation",
    "neg",
    """
Traduz para inglês este glossário do site da nossa clínica dentária:
branqueamento dentário / aparelho fixo / implante / destartarização / consulta de avaliação / seguro de saúde / urgência dentária
""",
)

add(
    "pt-neg-chat-lgpd-dados-saude",
    "pt",
    "chat",
    "neg",
    """
Pergunta geral sobre LGPD: atestado médico entregue pelo funcionário é dado pessoal sensível? O RH pode guardar cópia digitalizada no sistema de folha ou precisa de um local separado com acesso restrito?
""",
)

add(
    "pt-neg-campaign-outubro-rosa",
    "pt",
    "campaign",
    "neg",
    """
Cria 3 legendas curtas pro Instagram da nossa clínica para a campanha Outubro Rosa: a ideia é lembrar as mulheres a partir dos 40 de marcar a mamografia anual, com tom acolhedor e sem assustar. Pode usar emojis 🎀 e incluir o link de agendamento no final.
""",
)
# ---------------------------------------------------------------------------
# Build and write
# ---------------------------------------------------------------------------
LANGS = {"en", "de", "fr", "es", "it", "nl", "pt"}


def build():
    records = []
    seen_templates = set()
    seen_texts = set()
    for template, lang, fmt, group, marked in ITEMS:
        assert lang in LANGS, template
        assert template not in seen_templates, "duplicate template: " + template
        seen_templates.add(template)
        text, spans = parse(marked)
        assert text not in seen_texts, "duplicate text: " + template
        seen_texts.add(text)
        n_lines = text.count("\n") + 1
        assert 1 <= n_lines <= 12, f"{template} has {n_lines} lines"
        if group == "positive":
            assert spans, "positive without spans: " + template
        else:
            assert not spans, "negative with spans: " + template
        span_objs = []
        for start, end, surface in spans:
            assert text[start:end] == surface
            span_objs.append({"kind": "health_data", "start": start, "end": end})
        records.append(
            {
                "text": text,
                "spans": span_objs,
                "lang": lang,
                "format": fmt,
                "group": group,
                "template": template,
            }
        )
    return records


def main():
    records = build()
    with open(OUT_PATH, "w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    counts = Counter((r["lang"], r["group"]) for r in records)
    print(f"wrote {len(records)} records to {OUT_PATH}")
    for lang in sorted({r["lang"] for r in records}):
        positive, negative = counts[(lang, "positive")], counts[(lang, "negative")]
        print(f"  {lang}: positive={positive} negative={negative}")


if __name__ == "__main__":
    main()
