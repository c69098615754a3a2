# Texts are written as people write them: long lines, typographic dashes and quotes.
# ruff: noqa: E501, RUF001
"""Write health_dev2.jsonl: a second development set for the health-information recognizer.

    .venv/bin/python benchmarks/guardrails/health_dev2_dataset.py
    .venv/bin/python benchmarks/guardrails/health_eval.py   # after pointing it at this file

What it is: 320 texts in seven languages (en about 30 %, de, fr, es, it, nl and pt about 10 %
each), 60 % positive and 40 % negative, one line to about 1,200 characters, as they reach an AI
assistant: people asking about their own or a relative's health in everyday words and
colloquial names (sugar, ticker, water tablets, the pill, the jab), typos, lowercase chat,
emoji and code-switching; CSV, JSON and YAML exports of patients, residents and employees;
HR and manager messages (adjustments, fit notes, pregnancy, return to work, occupational
health); pharmacy, dental, physiotherapy, optician, fertility, maternity, mental-health,
addiction-service, school-nurse, care-home and home-nursing notes; clinical shorthand in all
seven languages; insurance, benefit and disability claims; wearable exports. The negatives
are the hard ones: general medical questions, leaflets, guidelines with thresholds,
public-health statistics, product marketing, clinic job ads, code and schemas with no data,
lecture notes, figurative speech, fiction, news, animals' health and sports science.

How it was written: by hand for this project, from how these documents look in the real
world, apart from the recognizer - neither its code, its word lists nor the first health set
(health_dataset.py, health_dev.jsonl, health_heldout.jsonl) were read.

What counts as a span (kind health_data, end exclusive): each mention of health information
tied to the individual a text is about (the writer, a patient, a relative, an employee, a
described person): the condition, symptom, medicine with its dose, procedure, pregnancy,
disability, care level or result with its value, and each such cell of a table. Not marked:
names, ages, dates, places of care, leave words ("sick leave", "krankgeschrieben", "baja"),
negated or normal findings without a value ("no chest pain", "o.B.", "RAS", "sin AMC"),
treatments only asked about or planned as options, and everything in a negative text (which
has no spans at all; fiction and animals are negatives).

Format: texts are inline, spans between the markers U+27E6 and U+27E7. The script strips them,
computes offsets, checks every span against the text it marked and that no marker survives,
and writes one JSON object a line: text, spans [{kind, start, end}], lang, format ("chat":
every text is traffic to an assistant; the kind of document is in the template id), group
("positive" | "negative") and template (unique id, lang-group-slug). Standard library only,
deterministic.

Licence: written for the project; same licence as the repository.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "health_dev2.jsonl"
KIND = "health_data"
FORMAT = "chat"
POSITIVE = "positive"
NEGATIVE = "negative"
OPEN = "\u27e6"
CLOSE = "\u27e7"
MARKED = re.compile(f"{OPEN}([^{OPEN}{CLOSE}]+){CLOSE}")

# fmt: off

# (slug, marked text). English, positive.
EN_POS: list[tuple[str, str]] = [
    ("chat-sugar-night-shifts", """my husband's ⟦sugar⟧ is all over the place since he started the night shifts, he's on ⟦metformin⟧ and keeps forgetting the evening one. any ideas for reminding him that don't sound like nagging lol"""),
    ("chat-mum-water-tablets", """Mum's been on ⟦water tablets⟧ for her ⟦ticker⟧ since the summer and now she's got ⟦swollen ankles⟧ again and says she's ⟦breathless⟧ going up the stairs. Is that a ring-the-GP-today thing or can it wait till Monday?"""),
    ("chat-pill-antibiotics", """quick q – I'm on ⟦the pill⟧ (⟦Rigevidon⟧) and just finished a week of ⟦amoxicillin⟧ for a ⟦chest infection⟧. do I need to use condoms as well this month or is that an old myth?"""),
    ("chat-dad-big-c", """Dad got his results back today. It's ⟦the big C⟧ – ⟦prostate⟧, caught early they reckon, and they're talking about ⟦surgery⟧ or ⟦radiotherapy⟧. He's 71 and won't talk about it, just keeps saying he's fine. How do I support him without smothering him? I'm the only one of us kids who lives nearby."""),
    ("chat-jab-arm", """had ⟦the jab⟧ yesterday afternoon and ⟦my arm is killing me⟧ 😩 also ⟦shivery⟧ and ⟦headachey⟧. normal or should I worry??"""),
    ("rewrite-sertraline-manager", """Can you make this sound more professional? It's to my line manager:

"hi Dave, won't be in this week sorry. my ⟦anxiety⟧ has got really bad again, ⟦panic attacks⟧ most mornings, and the GP has put my ⟦sertraline up to 100mg⟧ and signed me off for 2 weeks. will send the fit note when I get it"

I don't want to overshare but I also don't want him thinking I'm skiving."""),
    ("csv-absence-reasons", """Can you pivot this by dept and reason and tell me who's hit the Bradford trigger?

emp_id,name,dept,first_day,last_day,days,reason
E1043,Karen Ludlow,Finance,2024-01-08,2024-01-12,5,⟦Migraine⟧
E1188,Tom Ahmed,Warehouse,2024-01-15,2024-02-09,20,⟦Lumbar disc prolapse⟧
E1201,Priya Nair,HR,2024-01-22,2024-01-22,1,Childcare
E1230,Gary Fenn,Sales,2024-02-05,2024-02-16,10,⟦Stress / anxiety⟧
E1043,Karen Ludlow,Finance,2024-02-19,2024-02-20,2,⟦Migraine⟧
E1302,Olu Bello,Warehouse,2024-02-26,2024-03-01,5,Bereavement
E1377,Sinead Walsh,IT,2024-03-04,2024-03-08,5,⟦Covid-19⟧
E1043,Karen Ludlow,Finance,2024-03-18,2024-03-18,1,⟦D&V⟧"""),
    ("json-ehr-record", """why does this fail schema validation?

{
  "patient_id": "P-00231",
  "dob": "1958-03-14",
  "sex": "F",
  "problems": ["⟦Type 2 diabetes mellitus⟧", "⟦CKD stage 3a⟧", "⟦Hypertension⟧"],
  "medications": [
    {"name": "⟦Metformin⟧", "dose": "⟦500 mg BD⟧"},
    {"name": "⟦Ramipril⟧", "dose": "⟦5 mg OD⟧"}
  ],
  "last_labs": "⟦HbA1c 58 mmol/mol⟧; ⟦eGFR 52⟧",
  "allergies": ["⟦Penicillin – rash⟧"],
}"""),
    ("yaml-care-home-resident", """Turn this into a short handover paragraph for the night staff, plain English please:

resident:
  room: 14B
  preferred_name: Edie
  conditions:
    - ⟦vascular dementia⟧
    - ⟦atrial fibrillation⟧
    - ⟦osteoarthritis, both knees⟧
  medication:
    - ⟦apixaban 2.5 mg⟧ 08:00 / 20:00
    - ⟦donepezil 10 mg⟧ 20:00
    - ⟦paracetamol 1 g⟧ QDS PRN
  mobility: ⟦hoist for all transfers⟧, ⟦high falls risk⟧
  continence: ⟦pads, doubly incontinent⟧
  diet: ⟦IDDSI level 2 mildly thick fluids⟧
  night: ⟦often agitated after 2am⟧, likes radio on low"""),
    ("hr-adhd-adjustments", """I manage a small team and one of my devs, Sam, told me in a 1:1 that he has ⟦ADHD⟧ and was diagnosed with ⟦dyslexia⟧ last month. He's asked for noise-cancelling headphones, written follow-ups after meetings and to be exempt from the open-plan hot desks. Can you draft a reply confirming the reasonable adjustments and a line about keeping it confidential? UK company, ~40 staff."""),
    ("hr-fit-note-hernia", """The fit note says 'may be fit for work taking account of the following advice: ⟦post-op inguinal hernia repair⟧, amended duties, no lifting >5kg for 6 weeks'. How should I record that for Mark in BambooHR, do I put it under absence or under adjustments?"""),
    ("hr-hyperemesis", """Jess on my team told me today she's ⟦12 weeks pregnant⟧ and has ⟦hyperemesis⟧ – she's ⟦being sick all day every day⟧ and was ⟦admitted for IV fluids⟧ last weekend. She wants to work from home for now. What are my obligations as her manager (UK)? Also she hasn't told anyone else so I need to word the team message carefully."""),
    ("hr-return-to-work-notes", """Tidy up my return-to-work notes into the template:

RTW – J. Okafor – 3 days absent (Mon–Wed)
reason: ⟦gastroenteritis⟧, symptom free 48h before returning
any underlying condition? says no
previous this year: ⟦migraine⟧ (Sept, 2 days), ⟦tonsillitis⟧ (Nov, 4 days)
trigger reached, 3 occasions/12 months -> stage 1 review
support offered: EAP details, OH referral if further ⟦migraines⟧"""),
    ("hr-oh-referral-t1d", """Occupational health referral – forklift driver, 9 yrs service. Employee has ⟦type 1 diabetes⟧ managed with an ⟦insulin pump⟧ and ⟦Libre sensor⟧. Two ⟦hypos⟧ on shift in March, one with ⟦confusion⟧ requiring first aider. DVLA informed by employee. Questions for OH: is he fit to operate MHE, what adjustments to breaks/snacks, does he need a hypo plan on file?"""),
    ("pharmacy-statin-aches", """Rx: ⟦Atorvastatin 20 mg⟧ x28, 1 ON. Pt reports ⟦muscle aches in both thighs⟧ since starting 3/52 ago, no dark urine. Advised to contact GP for a blood test, continue for now. Also buying ⟦co-codamol 8/500⟧ OTC for ⟦toothache⟧ – counselled re: max 3 days."""),
    ("dental-36-pulpitis", """36: ⟦deep distal caries⟧, ⟦TTP +⟧, ⟦lingering pain to cold⟧ → ⟦irreversible pulpitis⟧. Plan: ⟦RCT⟧ then ⟦onlay⟧. Pt v ⟦anxious⟧, req IV sedation. MH: ⟦AF⟧ on ⟦warfarin⟧, ⟦INR 2.6⟧ on 14/03 – liaise w/ anticoag clinic before any extraction."""),
    ("physio-soap-knee", """S: 34yo recreational runner, ⟦R anterior knee pain⟧ 6/52, worse stairs & after sitting, no locking/giving way. Training for half marathon.
O: ⟦pain on resisted knee ext⟧ at 30°, ⟦weak R glute med (4/5)⟧, ⟦reduced single-leg squat control⟧. Ligaments intact.
A: ⟦patellofemoral pain⟧
P: load management, hip/quads strengthening, review 2/52"""),
    ("optician-iop-referral", """Sight test summary: RE ⟦-2.25 / -0.50 x 180⟧, LE ⟦-2.75 / -0.25 x 170⟧, add ⟦+1.50⟧. IOP ⟦R 24 L 26 mmHg⟧ (NCT), repeated, still raised. ⟦Cup-disc 0.6⟧ both eyes. Referred to HES ?⟦glaucoma⟧. Pt's mother had ⟦glaucoma⟧ too. Please write the referral letter."""),
    ("fertility-ivf-amh", """we're starting our second round of ⟦IVF⟧ next month and my ⟦AMH came back at 0.8⟧ 😞 the clinic says ⟦low ovarian reserve⟧ and wants me on a higher dose of ⟦Menopur⟧. has anyone actually had success with numbers like that? trying not to spiral"""),
    ("mh-crisis-team-note", """CRHT contact 14:20. Service user ⟦low in mood⟧, ⟦passive suicidal ideation⟧, no plan/intent. Has ⟦not taken quetiapine⟧ x4 days. Protective factors: daughter, dog. Plan: daily home visits x1 week, restart ⟦quetiapine 150 mg⟧ nocte, safety plan reviewed. Can you write this up as a progress note?"""),
    ("addiction-keywork", """Keywork session, wk 6. Client on ⟦methadone 60 ml⟧ daily, supervised at pharmacy. Reports ⟦on-top use of heroin⟧ 2–3x/week, ⟦smoking crack⟧ at weekends. Injecting site ⟦L groin, red and sore⟧ – referred to nurse for wound check. ⟦Hep C⟧ treatment discussed again, client not ready."""),
    ("school-nurse-care-plan", """Hi, I'm the school nurse at Oakfield Primary. Can you help me write a one-page care plan for a Year 4 pupil? He has a ⟦severe peanut allergy⟧ (⟦anaphylaxis⟧ age 5), carries two ⟦EpiPen 0.3 mg⟧, and also ⟦mild asthma⟧ with a ⟦blue inhaler⟧ kept in the office. Staff need to know what to do in the first 5 minutes."""),
    ("district-nurse-visit", """DN visit 09:40. Mr H seen at home. ⟦Grade 2 pressure ulcer sacrum⟧ 2x1.5cm, ⟦sloughy base⟧, dressing changed (⟦Allevyn⟧). ⟦Leg ulcer L gaiter⟧ improving. ⟦BM 14.2⟧ pre-breakfast – wife says he's had extra cake, GP aware. Next visit Thurs."""),
    ("claim-income-protection-long-covid", """I need help writing the 'describe how your condition affects your ability to work' section of an income protection claim. Facts:

- I'm a secondary school teacher, full time until February.
- Caught ⟦Covid⟧ in December 2023, never fully recovered. Diagnosed with ⟦long COVID⟧ by the post-Covid clinic in May.
- Main problems: ⟦fatigue⟧ that gets much worse a day after any exertion (⟦post-exertional malaise⟧), ⟦brain fog⟧ – I lose words mid-sentence – and ⟦PoTS⟧, confirmed on a ⟦tilt table test⟧ (⟦heart rate went from 68 to 131⟧ standing).
- Treatment: ⟦ivabradine 2.5 mg⟧ twice daily, pacing with an OT.
- I can manage about 2 hours of screen work a day, with rests. Standing in a classroom for 50 minutes isn't possible right now.

Keep it factual, first person, about 300 words. The insurer is Aviva if that matters."""),
    ("benefits-pip-form", """help me fill in the 'preparing food' bit of my PIP form. I have ⟦fibromyalgia⟧ and ⟦IBS⟧, most days my ⟦hands are too stiff⟧ to chop veg and I get ⟦dizzy⟧ standing at the cooker for more than a few minutes. I'm on ⟦pregabalin 150mg⟧ twice a day which makes me ⟦drowsy⟧. Don't make it sound worse than it is, just honest."""),
    ("wearable-morning-summary", """morning summary from my watch: ⟦resting HR 48⟧, ⟦sleep 5h12⟧, ⟦SpO2 94%⟧, ⟦HRV 31ms⟧, body battery 22. is the spo2 low enough to worry? my wife says I've been ⟦snoring⟧ like a train"""),
    ("csv-libre-export", """Can you make me a chart of this? it's from my Libre, I want to show the nurse what happens after breakfast

Device,Serial Number,Device Timestamp,Record Type,Historic Glucose mmol/L
FreeStyle LibreLink,2E4C1A,12-05-2024 06:58,0,⟦5.9⟧
FreeStyle LibreLink,2E4C1A,12-05-2024 07:13,0,⟦6.4⟧
FreeStyle LibreLink,2E4C1A,12-05-2024 07:28,0,⟦9.8⟧
FreeStyle LibreLink,2E4C1A,12-05-2024 07:43,0,⟦13.1⟧
FreeStyle LibreLink,2E4C1A,12-05-2024 07:58,0,⟦15.6⟧
FreeStyle LibreLink,2E4C1A,12-05-2024 08:13,0,⟦14.0⟧"""),
    ("codeswitch-abuela", """my abuela has ⟦diabetes⟧ and now the doctor says she has ⟦la tensión alta⟧ too 😩 she only eats pan blanco and café con leche with 3 sugars. what are some swaps she might actually accept?"""),
    ("typos-son-asthma", """my son has ⟦asthama⟧ and his ⟦inhaler⟧ (the blue one) dosnt seem to be working as good, he's ⟦wheezy⟧ every night and ⟦coughing till he's sick⟧. he is 6. when should i take him to a&e"""),
    ("shorthand-hf-referral", """pt 67M ⟦SOBOE⟧ 3/12, ⟦orthopnoea 3 pillows⟧, ⟦bilat pitting oedema to knees⟧, ⟦BNP 1840⟧. PMH ⟦MI⟧ 2015, ⟦T2DM⟧. on ⟦bisoprolol 2.5⟧, ⟦ramipril 5⟧. ?⟦HF⟧ – echo requested. write me a referral letter to the heart failure clinic, keep it under 200 words"""),
    ("chat-bloods-iron", """can you explain my blood test in normal words? ⟦ferritin 8⟧, ⟦Hb 104⟧, ⟦MCV 72⟧. GP says ⟦iron deficiency anaemia⟧ and put me on ⟦ferrous fumarate 210mg⟧ twice a day but it's making me ⟦constipated⟧ 🙃"""),
    ("chat-coming-off-antidepressants", """I've been on ⟦antidepressants⟧ for 3 years (⟦citalopram 20⟧) and feel ready to come off them. Last time I stopped cold turkey I had ⟦brain zaps⟧ and ⟦cried for a week⟧. What should I ask my GP about tapering?"""),
    ("maternity-waters-broke", """my wife's ⟦waters broke⟧ at ⟦34 weeks⟧ and they've kept her in, gave her ⟦steroid injections⟧ for the baby's lungs. im trying to explain it to our 4 year old, how do I say it without scaring her"""),
    ("chat-daughter-t1-school-trip", """our daughter is 7 and was diagnosed with ⟦type 1⟧ in January. school trip next week, she'll have her ⟦insulin pen⟧ and ⟦hypo kit⟧ but the teacher has never done carb counting. can you write a simple cheat sheet the teacher can keep in her bag? she has ⟦NovoRapid at 1 unit per 10g carbs⟧ at lunch."""),
    ("school-pe-excuse", """Please excuse Lily from PE and swimming for the next two weeks. She had her ⟦tonsils out⟧ on the 3rd and is still ⟦sore⟧ and ⟦tired⟧. Thank you, Rachel Hughes (mum)"""),
    ("translate-for-carer", """Translate into Polish for my new carer please: 'I take ⟦levothyroxine 75 micrograms⟧ every morning on an empty stomach and ⟦omeprazole 20 mg⟧ half an hour later. I have ⟦macular degeneration⟧ so please read the labels to me. If my ⟦blood sugar⟧ goes under 4 I need jelly babies.'"""),
    ("linkedin-lymphoma", """Rewrite this LinkedIn post so it's less cheesy but still me: 'After 18 months of ⟦chemo⟧, ⟦radiotherapy⟧ and a ⟦stem cell transplant⟧ for ⟦Hodgkin lymphoma⟧, I'm back at my desk at Hargreaves & Co! Huge thanks to the haematology team at the Christie and to everyone who sent memes when I was ⟦too sick to reply⟧.'"""),
    ("slack-miscarriage", """how do I word this for the team channel without giving details: Priya is off for a couple of weeks, she had ⟦a miscarriage⟧ on Friday and ⟦needed surgery⟧ afterwards. She's asked that nobody messages her about it."""),
    ("care-home-incident-fall", """Incident form, Rose Ward, 02:15. Resident found on floor beside bed, ⟦unwitnessed fall⟧. ⟦Skin tear L forearm⟧ 3cm, steri-stripped. ⟦Head injury⟧ not ruled out – on ⟦apixaban⟧ so 111 called, advised ED. Obs: ⟦BP 98/60⟧, ⟦HR 104⟧, ⟦GCS 14⟧ (usual 15). Family informed 02:40. Please make this into a proper incident report."""),
    ("chat-period-late", """I think I might be ⟦pregnant⟧?? my ⟦period is 2 weeks late⟧ and I've been ⟦feeling sick⟧ in the mornings. I'm on ⟦the mini pill⟧ but I was ⟦throwing up⟧ with a bug last month. how soon would a test show it"""),
    ("letter-housing-ramp", """Help me write to the housing association. My son (14) is a ⟦wheelchair user⟧ – he has ⟦cerebral palsy⟧ – and the back step means he can't get into the garden on his own. We'd like a ramp and a wider door. His OT said she'd support the request."""),
    ("chat-coeliac-meal-plan", """plan me a week of dinners for two, I'm ⟦coeliac⟧ and my partner is ⟦lactose intolerant⟧. budget ~£50, nothing too fancy"""),
    ("chat-acl-gym-plan", """5 months post ⟦ACL reconstruction⟧ (⟦hamstring graft⟧, left knee). physio has cleared me for gym but my ⟦quad is still visibly smaller⟧. Can you build me a 3-day lower body plan? no jumping yet"""),
    ("chat-dad-psa", """Dad's ⟦PSA went from 4.1 to 6.8⟧ in a year and now they want an ⟦MRI⟧ and maybe a ⟦biopsy⟧. what questions should we ask at the urology appointment on tuesday?"""),
    ("chat-travel-insulin", """Flying Manchester → Tenerife next week with my ⟦insulin pens⟧ and a ⟦Dexcom G7⟧ on my arm. Do I have to take the sensor off for the scanner? And do I need a doctor's letter for the ⟦needles⟧?"""),
    ("chat-daughter-anorexia", """My 15yo is in recovery from ⟦anorexia⟧ – ⟦BMI was 15.2⟧ when she was admitted in March, now ⟦17.9⟧. Her dietitian wants 3 meals + 3 snacks. Can you suggest snack ideas that don't look like 'diet food'? She gets ⟦really anxious about calorie labels⟧."""),
    ("chat-sober-day-43", """day 43 off the booze 🎉 after the ⟦detox⟧ in march. still getting ⟦cravings⟧ around 6pm and ⟦sleeping like rubbish⟧. my key worker suggested ⟦acamprosate⟧ – is it worth it?"""),
    ("insurance-travel-preexisting", """Which of these do I actually have to declare for travel insurance?

Pre-existing conditions: ⟦asthma⟧ (mild, no hospital stays), ⟦hypothyroidism⟧
Medication: ⟦salbutamol⟧ PRN, ⟦levothyroxine 50 mcg⟧
Surgery in last 5 yrs: ⟦laparoscopic appendicectomy⟧ 2021
Awaiting tests? ⟦gastroscopy⟧ booked for June re ⟦reflux⟧"""),
    ("lab-portal-thyroid", """paste from the portal, what does this mean?? GP not back till thursday

Test            Result     Units     Range
TSH             ⟦6.8 H⟧      mIU/L     0.27–4.2
Free T4         ⟦10.9 L⟧     pmol/L    12–22
Anti-TPO        ⟦412 H⟧      IU/mL     <34
Vitamin D       ⟦38 L⟧       nmol/L    50–175"""),
    ("chat-son-medikinet", """my son takes ⟦Medikinet XL 20mg⟧ for ⟦ADHD⟧ – is it ok to skip it at weekends and in the holidays? his ⟦appetite is rubbish⟧ on it and he's ⟦lost 2kg⟧ since september"""),
    ("chat-nan-alzheimers", """Nan was diagnosed with ⟦Alzheimer's⟧ last year and this week she ⟦didn't recognise my mum⟧. The home says she's ⟦not eating⟧ much. I'm visiting Sunday with my kids (6 and 9) – how do I prepare them?"""),
    ("chat-dad-hearing-aids", """dad has ⟦severe hearing loss⟧ in both ears and refuses to wear his ⟦hearing aids⟧ at family dinners. any tactful ways to bring it up?"""),
    ("letter-colposcopy", """I got this letter, what does it actually mean? 'Your recent cervical screening test showed ⟦high-risk HPV⟧ and ⟦low-grade dyskaryosis⟧. You have been referred for a ⟦colposcopy⟧.' Is this cancer?? I'm freaking out"""),
    ("chat-chlamydia", """tested positive for ⟦chlamydia⟧ yesterday 🙈 started the ⟦doxycycline⟧. how do i tell my ex without it turning into a whole thing"""),
    ("chat-crohns-emoji", """finally off the ⟦steroids⟧ 🙌🙌 ⟦flare⟧ is calming down, only ⟦going 4x a day⟧ now lol. ⟦Crohn's⟧ nurse wants me to start ⟦infliximab⟧ next month – anyone know if the infusions make you tired?"""),
    ("discharge-summary-mum", """Can you turn this discharge summary into a letter my mum can understand? She's 78 and gets confused by the abbreviations.

DISCHARGE SUMMARY – Ward 7B (Acute Medicine)
Admitted: 02/04   Discharged: 09/04
Presenting complaint: ⟦fall at home⟧, ⟦confusion⟧, ⟦reduced oral intake⟧ 3/7
Diagnoses: 1. ⟦Urosepsis⟧ (⟦E. coli⟧, ⟦trimethoprim-resistant⟧) 2. ⟦AKI stage 2⟧ – ⟦creatinine peak 212⟧, ⟦148 on discharge⟧ 3. ⟦Delirium⟧, resolved
Background: ⟦T2DM⟧ (diet controlled), ⟦HTN⟧, ⟦OA knees⟧, ⟦cataract surgery⟧ 2019
Treatment: ⟦IV co-amoxiclav⟧ 3 days then ⟦oral cefalexin 500 mg TDS⟧ to complete 7 days. ⟦IV fluids⟧. ⟦Ramipril⟧ and ⟦furosemide⟧ WITHHELD – do not restart until GP repeats U&Es.
Medication on discharge: ⟦cefalexin 500 mg TDS⟧ (2 more days), ⟦amlodipine 5 mg OD⟧, ⟦paracetamol 1 g QDS PRN⟧, ⟦Adcal-D3 one BD⟧
Follow-up: GP bloods (U&E) within 1 week. Falls clinic referral made. Physio: mobilising with ⟦zimmer frame⟧, ⟦needs 1 assist on stairs⟧.
Allergies: nil known
Notes for GP: ⟦new onset confusion⟧ settled by day 4 – please review ⟦cognition⟧ at follow-up as daughter reports ⟦forgetfulness⟧ over the last year. ⟦Postural BP drop 28 mmHg⟧ on day 6, likely contributed to the ⟦fall⟧; amlodipine continued at reduced dose.

Also – do I need to tell her insurance about the hospital stay?"""),
    ("csv-adjustments-register", """Can you check this reasonable-adjustments register for anything that's overdue for review (today is 3 June)?

Name,Team,Condition (as disclosed),Adjustment,Agreed,Review due
A. Kowalski,Customer Service,⟦Hearing impairment⟧,Amplified headset; captions in Teams,2023-09-12,2024-03-12
B. Osei,Finance,⟦Type 1 diabetes⟧,Breaks for ⟦blood glucose checks⟧; fridge access,2024-01-08,2025-01-08
C. Byrne,Warehouse,⟦Back injury (L4/5)⟧,No lifting >10kg; phased return,2024-02-19,2024-05-19
D. Haddad,IT,⟦Autism⟧,Quiet desk; agendas 24h ahead,2023-11-30,2024-05-30
E. Lindqvist,Sales,⟦Menopause symptoms⟧,Desk fan; flexible start,2024-04-02,2024-10-02"""),
    ("chat-menopause-hrt", """49F here – ⟦hot flushes⟧ 10+ a day, ⟦night sweats⟧, ⟦no period for 7 months⟧. GP started me on ⟦HRT⟧ (⟦Evorel 50 patches⟧ + ⟦Utrogestan 100mg⟧) 3 weeks ago and now I've got ⟦sore boobs⟧ and ⟦spotting⟧. How long before it settles?"""),
    ("claim-us-short-term-disability", """Help me answer the 'employee statement' part of my short-term disability claim (Lincoln Financial, through my employer). I had a ⟦total knee replacement⟧ on March 4, right knee, after years of ⟦osteoarthritis⟧. Surgeon expects 8–10 weeks off. I'm a UPS driver so I'm on my feet and climbing in and out of the truck ~150 times a day. I'm doing ⟦PT⟧ 3x/week and still ⟦can't bend past 95 degrees⟧. Keep it short and factual."""),
]

# English, negative: no health information about an individual.
EN_NEG: list[tuple[str, str]] = [
    ("question-type1-vs-type2", """What's the actual difference between type 1 and type 2 diabetes? My biology teacher said one is 'lifestyle' but that sounds too simple."""),
    ("leaflet-metformin", """Summarise this leaflet in plain English:

Package leaflet: Information for the patient
Metformin hydrochloride 500 mg film-coated tablets
Read all of this leaflet carefully before you start taking this medicine.
1. What Metformin is and what it is used for
Metformin is used to treat patients with type 2 diabetes when diet and exercise alone have not been enough to control blood glucose levels.
2. What you need to know before you take Metformin
Do not take Metformin if you have severely reduced kidney function (eGFR below 30 ml/min) or if you drink a lot of alcohol.
4. Possible side effects
Very common (may affect more than 1 in 10 people): nausea, vomiting, diarrhoea, stomach ache, loss of appetite.
Very rare (may affect up to 1 in 10,000 people): lactic acidosis.
3. How to take Metformin
The usual starting dose is one 500 mg tablet two or three times a day with or after meals. After 10 to 15 days your doctor may adjust the dose based on your blood glucose. The maximum daily dose is 3000 mg taken as 3 divided doses.
If you take more Metformin than you should, you may experience lactic acidosis. Symptoms are vomiting, bellyache with muscle cramps, and difficulty in breathing. Contact a doctor or hospital straight away."""),
    ("guideline-bp-thresholds", """From the guideline, summarise the thresholds as a table: Offer antihypertensive drug treatment to adults aged under 80 with stage 1 hypertension who have target organ damage, established cardiovascular disease, renal disease, diabetes or a 10-year cardiovascular risk of 10% or more. Treat if clinic BP stays above 140/90 mmHg and the ABPM daytime average is 135/85 mmHg or higher. For adults over 80, aim for a clinic BP below 150/90 mmHg."""),
    ("stats-hiv-global", """According to UNAIDS, 39.0 million people globally were living with HIV in 2022, 1.3 million people became newly infected, and around 76% of all people living with HIV were accessing treatment. Describe these as a simple bar chart for a slide."""),
    ("marketing-cgm", """Meet GlucoFlow 2 — the 15-day sensor that sends readings to your phone every minute. No fingersticks*. Real-time alerts for highs and lows. Water resistant to 2.5 m. Ask your diabetes team if GlucoFlow 2 is right for you. *Fingersticks required for treatment decisions if symptoms don't match readings. Can you tighten this copy for a banner ad?"""),
    ("job-ad-cardiology-nurse", """We're hiring! Band 5 Staff Nurse – Cardiology Ward (30 beds), permanent, full time. You'll care for patients with acute coronary syndromes, heart failure and arrhythmias, give IV medications and support patients before and after PCI. Requirements: NMC registration, ILS (ALS desirable). Closing date 28 June. Make this sound less like a form."""),
    ("sql-clinic-schema", """Review this schema for our clinic app, is the index right?

CREATE TABLE patients (
  id BIGSERIAL PRIMARY KEY,
  nhs_number CHAR(10) UNIQUE NOT NULL,
  date_of_birth DATE NOT NULL
);
CREATE TABLE diagnoses (
  id BIGSERIAL PRIMARY KEY,
  patient_id BIGINT REFERENCES patients(id),
  icd10_code VARCHAR(8) NOT NULL,
  description TEXT,
  diagnosed_on DATE
);
CREATE TABLE prescriptions (
  id BIGSERIAL PRIMARY KEY,
  patient_id BIGINT REFERENCES patients(id),
  drug_name TEXT NOT NULL,
  dose_mg NUMERIC(8,2),
  frequency TEXT CHECK (frequency IN ('OD','BD','TDS','QDS','PRN'))
);
CREATE INDEX ON diagnoses (icd10_code, patient_id);"""),
    ("code-fhir-condition", """why does the FHIR validator complain about clinicalStatus here?

def build_condition(patient_ref: str, code: str, display: str) -> dict:
    return {
        "resourceType": "Condition",
        "subject": {"reference": patient_ref},
        "code": {"coding": [{"system": "http://snomed.info/sct", "code": code, "display": display}]},
        "clinicalStatus": {"coding": [{"code": "active"}]},
    }"""),
    ("lecture-notes-asthma", """Lecture 7 – Asthma (Resp block)
- chronic inflammatory airway disease; variable airflow obstruction, reversible (≥12% and ≥200 ml FEV1 improvement post-bronchodilator)
- triggers: allergens, viral URTI, exercise, cold air, NSAIDs (in ~10% of adults)
- Th2 inflammation → eosinophils, IgE, mast cells
- acute severe: PEF 33–50% best, RR ≥25, HR ≥110, can't complete sentences
- life-threatening: PEF <33%, SpO2 <92%, silent chest, cyanosis, exhaustion
- mx: SABA → low-dose ICS → ICS/LABA → ... (check current BTS/SIGN)
make me 10 flashcards from this"""),
    ("figurative-spreadsheet-migraine", """this spreadsheet is giving me a migraine 😵 can you fix this formula: =VLOOKUP(A2,Sheet2!A:D,5,FALSE) it keeps returning #REF!"""),
    ("figurative-deploy-heart-attack", """lol the friday deploy nearly gave me a heart attack. anyway, write a post-mortem template for our team: timeline, impact, root cause, action items"""),
    ("figurative-allergic-meetings", """I'm allergic to meetings that could've been an email. Give me 5 polite ways to decline a recurring meeting."""),
    ("film-still-alice", """Summarise the plot of the film Still Alice in 150 words for my film club newsletter — the linguistics professor diagnosed with early-onset Alzheimer's, her family's reactions, and the speech she gives."""),
    ("fiction-detective-limp", """I'm writing a crime novel where the detective is a recovering alcoholic with a bad knee. Give me three scenes where his limp hints at his backstory without exposition."""),
    ("news-rsv-vaccine", """NHS England has begun offering the RSV vaccine to adults turning 75 and to pregnant women from 28 weeks, after trials showed the jab substantially cut hospital admissions in young babies. Rewrite as a 2-sentence summary for our staff intranet."""),
    ("pet-dog-arthritis", """my dog's arthritis is getting worse, she's 12 and the vet put her on Metacam 1.5mg/ml, one dose a day with food. is it safe long term or will it wreck her kidneys?"""),
    ("pet-vet-consult-notes", """Format these for the practice system: Consult – 'Bella', 9y FN Labrador, 34.2 kg. Hx: hypothyroidism, on levothyroxine 0.4 mg PO BID. O/E: bilateral otitis externa, mild pruritus. T4 post-pill 38 nmol/L. Plan: ear clean, Osurnia, recheck 2 wks. Owner to cut treats (BCS 7/9)."""),
    ("sports-science-hrv", """In trained endurance athletes resting heart rate is often 40–50 bpm, and heart rate variability tends to drop after hard training blocks or poor sleep. Write a short explainer on why HRV-guided training works, for a running club blog."""),
    ("question-mrna-vaccines", """how do mRNA vaccines actually work? explain like I'm 12"""),
    ("question-stroke-fast", """What are the signs of a stroke? I keep hearing about FAST but I always forget what the letters stand for."""),
    ("template-csv-data-dictionary", """I need an empty import template for our GP system migration: header row plus a one-line data dictionary for each column — patient_id, diagnosis_code (ICD-10), diagnosis_desc, medication, dose_mg, frequency, start_date. No sample rows."""),
    ("json-schema-symptom-tracker", """Is this JSON Schema valid for our symptom tracker app?
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "symptom": {"type": "string", "enum": ["headache", "nausea", "fatigue", "dizziness", "other"]},
    "severity": {"type": "integer", "minimum": 0, "maximum": 10},
    "recorded_at": {"type": "string", "format": "date-time"}
  },
  "required": ["symptom", "severity"]
}"""),
    ("trial-inclusion-criteria", """Inclusion criteria: adults aged 18–65 with type 2 diabetes, HbA1c 7.0–10.0% on stable metformin ≥1500 mg/day for 3 months. Exclusion: eGFR <45, history of pancreatitis, pregnancy or breastfeeding. Turn this into a screening checklist for the research nurses."""),
    ("insurance-policy-clause", """Explain this policy clause in plain English: 'We will not pay claims arising from a pre-existing medical condition, meaning any illness or injury for which you received advice, treatment or medication in the 24 months before cover started, unless declared and accepted by us in writing.'"""),
    ("hr-sickness-policy", """Draft a section for our sickness absence policy: employees must call their manager before 9am on the first day, can self-certify for up to 7 calendar days, and need a fit note from day 8. Return-to-work conversations happen after every absence, however short."""),
    ("question-hba1c-cutoffs", """At what HbA1c is someone diagnosed with diabetes versus prediabetes, in mmol/mol and in %? I always mix up the two units."""),
    ("marketing-hearing-aids", """Rechargeable, nearly invisible, and streams calls straight from your phone — the new Clarion Air hearing aid. Book a free hearing check at any of our 40 stores. Give me three shorter taglines."""),
    ("press-release-endoscopy-unit", """Press release: St Aidan's Hospital opens a new £12m endoscopy unit, which will carry out up to 20,000 colonoscopies and gastroscopies a year and cut waiting times for bowel cancer checks. Make it punchier for social media."""),
    ("question-protein-intake", """how much protein do I need to build muscle if I lift 4x a week? is there a max you can absorb per meal or is that a myth"""),
    ("question-german-abbreviations", """What do 'Z.n.', 'V.a.' and 'o.B.' mean in German medical letters? I'm translating a discharge letter template for work."""),
    ("marketing-health-app", """Track your resting heart rate, sleep stages, SpO2 and HRV in one place. PulseLog syncs with Garmin, Fitbit and Apple Watch and shows weekly trends, so you can spot changes early. Try Premium free for 30 days. → rewrite for the App Store description, max 170 chars."""),
    ("code-regex-icd10", r"""my regex for ICD-10 codes misses things like "S72.001A", why?

import re
ICD10 = re.compile(r"\b[A-TV-Z][0-9][0-9AB](?:\.[0-9A-KXZ]{1,3})?\b")
print(ICD10.findall(text))"""),
    ("glossary-translation", """Check my glossary for a medical translation job: hypertension – Bluthochdruck; heart attack – Herzinfarkt; stroke – Schlaganfall; shortness of breath – Atemnot; blood thinner – Blutverdünner; fit note – Arbeitsunfähigkeitsbescheinigung. Anything wrong?"""),
    ("plants-tomato-blight", """my tomato plants have blight, the leaves have brown patches and the stems are going black. can I save them or should I rip them out before it spreads to the potatoes?"""),
    ("figurative-codebase-life-support", """our legacy codebase is a patient on life support — every fix spawns two new bugs. help me write a case for a rewrite that my CTO will actually read"""),
    ("stats-myopia", """Myopia prevalence among 12-year-olds is reported to be above 60% in parts of East Asia compared with around 20% in the UK. What explains the difference — screen time, outdoor light, genetics?"""),
    ("training-first-aid-session", """Create a 30-minute first aid session plan for office staff: recovery position, CPR (30:2, 100–120 compressions a minute), choking, and how to use a defibrillator."""),
    ("question-ibuprofen-ssri-essay", """Can you take ibuprofen with an SSRI in general? It's for a pharmacology essay, I'm looking for the mechanism behind the bleeding risk."""),
    ("lyrics-lovesick", """write a country song chorus about being lovesick and heartbroken, with a line about a broken heart that no doctor can fix"""),
]

# German, positive.
DE_POS: list[tuple[str, str]] = [
    ("chat-mutter-zucker", """Meine Mutter hat seit Jahren ⟦Zucker⟧ und jetzt meint der Hausarzt, sie muss auf ⟦Insulin⟧ umsteigen. Sie hat totale Angst vor dem ⟦Pen⟧ und sagt, das sei „der Anfang vom Ende“. Wie kann ich ihr das erklären, ohne dass sie gleich abblockt?"""),
    ("klinik-aufnahmebefund", """Aufnahmebefund, bitte in Fließtext für den Arztbrief umformulieren:

Pat. 72 J., m., Aufnahme über ZNA.
Anamnese: seit 3 d ⟦Fieber bis 39,2 °C⟧, ⟦produktiver Husten⟧, ⟦Belastungsdyspnoe⟧.
Vorerkrankungen: ⟦Z.n. Hüft-TEP re.⟧ 2019, ⟦COPD GOLD 3⟧, ⟦VHF⟧ unter ⟦Apixaban 5 mg 1-0-1⟧.
Befund: ⟦AZ reduziert⟧, ⟦EZ adipös⟧. Pulmo: ⟦RGs li. basal⟧. Cor: ⟦arrhythmisch⟧, keine Geräusche. Abdomen o.B.
⟦SpO2 88 % unter RL⟧, ⟦CRP 187 mg/l⟧, ⟦Leukos 15,8/nl⟧.
Beurteilung: ⟦V.a. Pneumonie li.⟧, DD ⟦AECOPD⟧."""),
    ("hr-schwerbehinderung", """Hallo, ich bin Teamleiterin in einem Logistikunternehmen. Herr K. hat mir heute seinen ⟦Schwerbehindertenausweis (GdB 50)⟧ gezeigt – er hat ⟦Morbus Bechterew⟧ und kann ⟦nicht lange stehen⟧. Er möchte keine Nachtschichten mehr machen. Kannst du mir eine Mail an die Personalabteilung formulieren, ohne mehr über die Erkrankung preiszugeben als nötig? Zusatzurlaub von 5 Tagen steht ihm ja zu, oder?"""),
    ("hr-bem-protokoll", """BEM-Gespräch, Protokoll (vertraulich)
Teilnehmende: Frau L. (Sachbearbeitung), Herr M. (Teamleitung), Frau S. (Betriebsrat)
Anlass: 8 Wochen AU innerhalb von 12 Monaten.
Frau L. berichtet, sie habe nach einem ⟦Bandscheibenvorfall L4/L5⟧ im Oktober eine ⟦Reha⟧ gemacht, ⟦Schmerzen beim Sitzen⟧ bestünden weiterhin. Sie nimmt bei Bedarf ⟦Ibuprofen 600⟧.
Vereinbart: höhenverstellbarer Schreibtisch, stufenweise Wiedereingliederung (Hamburger Modell) 4 h → 6 h → 8 h über 6 Wochen, Termin beim Betriebsarzt.
Bitte formuliere daraus eine kurze Zusammenfassung für die Personalakte."""),
    ("chat-magen-darm", """bin heute krankgeschrieben, ⟦Magen-Darm⟧ 🤢 kannst du mir ne kurze nachricht an mein team formulieren? nicht zu viele details, nur dass ich bis freitag raus bin und wer das ticket JIRA-4411 übernimmt"""),
    ("apotheke-reizhusten", """Rezept: ⟦Ramipril 5 mg⟧ N3, 1-0-0. Kundin (68) klagt über ⟦trockenen Reizhusten⟧ seit der Umstellung vor 3 Wochen – Rücksprache mit Praxis Dr. Weber. Zusätzlich Selbstmedikation ⟦Ibuprofen 400⟧ wegen ⟦Kniearthrose⟧ – auf Wechselwirkung mit dem ⟦Blutdruckmittel⟧ hingewiesen."""),
    ("zahnarzt-pulpitis", """46: ⟦tiefe Karies distal⟧, ⟦Perkussion +⟧, ⟦Kältetest verlängert⟧ → ⟦irreversible Pulpitis⟧. Th.: ⟦Trepanation⟧, ⟦WKB⟧ in 2 Sitzungen, danach Teilkrone. Anamnese: ⟦Marcumar⟧ (⟦INR 2,4⟧ vom 12.03.), ⟦Penicillinallergie⟧. Bitte als Patienteninfo in einfachen Worten erklären."""),
    ("physio-schulter", """Physio-Befund: Pat. 45 J., Rechtshänder, ⟦Schulterschmerz re.⟧ seit 4 Mon., nachts ⟦Liegen auf re. Seite nicht möglich⟧. ⟦Painful arc 70–120°⟧, ⟦Kraft ARO 4/5⟧, ⟦Jobe-Test positiv⟧. Ärztl. Diagnose: ⟦Impingement-Syndrom re.⟧, KG 6x verordnet. Kannst du mir ein Heimprogramm mit 4 Übungen vorschlagen?"""),
    ("csv-fehlzeiten", """Kannst du mir daraus eine Pivot-Tabelle nach Abteilung machen und die Krankheitstage summieren?

Personalnr;Name;Abteilung;von;bis;Tage;Grund
10233;Becker, Lena;Vertrieb;08.01.2024;12.01.2024;5;⟦Grippe⟧
10417;Yilmaz, Deniz;Lager;15.01.2024;09.02.2024;20;⟦Knie-OP (Meniskus)⟧
10502;Hoffmann, Jörg;IT;22.01.2024;22.01.2024;1;Sonderurlaub Umzug
10233;Becker, Lena;Vertrieb;05.02.2024;06.02.2024;2;⟦Migräne⟧
10611;Schulz, Anja;Buchhaltung;12.02.2024;29.03.2024;35;⟦Burnout⟧
10788;Nowak, Piotr;Lager;04.03.2024;08.03.2024;5;⟦Bronchitis⟧"""),
    ("pflegedienst-bericht", """Pflegebericht Tour 3, 07:15, Hr. B. (⟦PG 3⟧): ⟦Dekubitus Grad 2 sakral⟧, VW mit Hydrokolloid, ⟦Wundrand gerötet⟧. ⟦BZ nüchtern 212 mg/dl⟧, ⟦Actrapid 8 IE⟧ lt. Schema s.c. Ehefrau berichtet ⟦nächtliche Unruhe⟧ und dass er ⟦kaum trinkt⟧. Hausarzt informiert, Rückruf ausstehend. → bitte als Übergabe für den Spätdienst zusammenfassen"""),
    ("chat-ssw-gdm", """ich bin in der ⟦18. SSW⟧ und hab heute ⟦Schwangerschaftsdiabetes⟧ diagnostiziert bekommen 😭 muss jetzt 4x am tag ⟦Blutzucker messen⟧ und die Hebamme meinte ich soll auf Kohlenhydrate achten. was kann ich abends noch essen?? ich hab immer so hunger"""),
    ("chat-freund-escitalopram", """Mein Freund nimmt seit zwei Wochen ⟦Escitalopram 10 mg⟧ wegen ⟦Depressionen⟧ und sagt, er fühlt sich ⟦noch schlechter⟧ als vorher und ⟦kann kaum schlafen⟧. Ist das am Anfang normal? Seine Psychiaterin hat erst in drei Wochen wieder einen Termin frei."""),
    ("suchtberatung-verlauf", """Verlaufsdoku Suchtberatung, 5. Termin. Klient (41) mit ⟦Alkoholabhängigkeit (F10.2)⟧, nach ⟦qualifiziertem Entzug⟧ im Januar seit 9 Wochen ⟦abstinent⟧. Berichtet ⟦Suchtdruck⟧ v.a. freitags nach der Arbeit. Nimmt seit Februar ⟦Acamprosat⟧. Antrag auf ⟦Entwöhnungsbehandlung⟧ bei der DRV ist gestellt. Nächster Termin in 2 Wochen."""),
    ("kita-neurodermitis", """Hallo liebes Kita-Team, kurze Info zu Emil: Er hat ⟦Neurodermitis⟧ und gerade wieder einen ⟦Schub⟧ an den Ellenbeugen. Bitte nach dem Händewaschen die ⟦Cortisonsalbe⟧ dünn auftragen (liegt im Fach). Und bitte weiterhin kein Ei – die ⟦Ei-Allergie⟧ wurde letzte Woche beim Allergologen bestätigt. Danke euch! LG Jana"""),
    ("wearable-garmin", """meine garmin sagt heute morgen: ⟦ruhepuls 61⟧ (sonst 52), ⟦HFV 24 ms⟧, ⟦schlaf 4:50 h⟧, body battery 18. soll ich das intervalltraining heute lieber lassen oder ist das übertrieben?"""),
    ("versicherung-bu-gesundheitsfragen", """Ich fülle gerade den Antrag für eine Berufsunfähigkeitsversicherung aus. Muss ich das alles angeben? Meine Stichpunkte:

- 2020 ⟦Bandscheibenvorfall HWS⟧, konservativ behandelt (⟦Physio⟧ 12x)
- 2021–2022 ⟦Psychotherapie⟧ (Verhaltenstherapie, 25 Sitzungen) wegen ⟦Angststörung⟧
- seit 2019 ⟦L-Thyroxin 50 µg⟧ (⟦Hashimoto⟧)
- 2023 ⟦Tinnitus⟧ li., Hörsturz ausgeschlossen

Die Frage lautet: „Sind Sie in den letzten 5 Jahren ambulant untersucht, beraten oder behandelt worden?“"""),
    ("codeswitch-long-covid", """kannst du mir helfen eine mail an meinen boss zu schreiben? basically I need to tell him dass ich seit der infektion im märz ⟦Long Covid⟧ habe, mit ⟦Fatigue⟧ und ⟦Konzentrationsstörungen⟧, und dass ich gern 30 stunden statt 40 arbeiten würde. keep it professional aber nicht zu förmlich"""),
    ("arztbrief-vater", """Bitte diesen Arztbrief für meinen Vater in verständliche Sprache übersetzen, er versteht die Abkürzungen nicht:

Sehr geehrte Frau Kollegin,
wir berichten über Ihren Patienten Herrn Rolf D., geb. 14.07.1952, der sich vom 03.05. bis 10.05. in unserer stationären Behandlung befand.
Diagnosen:
- ⟦NSTEMI⟧ am 03.05.
- ⟦KHK, 3-Gefäßerkrankung⟧ – ⟦PCI mit DES-Implantation RIVA⟧ am 04.05.
- ⟦Diabetes mellitus Typ 2, nicht insulinpflichtig⟧
- ⟦arterielle Hypertonie⟧
- ⟦Z.n. Cholezystektomie⟧ 2011
Befunde: ⟦Troponin T hs 412 ng/l⟧, ⟦LVEF 45 %⟧, ⟦HbA1c 7,9 %⟧, ⟦LDL 148 mg/dl⟧.
Medikation bei Entlassung: ⟦ASS 100 mg 1-0-0⟧ dauerhaft, ⟦Ticagrelor 90 mg 1-0-1⟧ für 12 Monate, ⟦Atorvastatin 80 mg 0-0-1⟧, ⟦Metoprolol 47,5 mg 1-0-1⟧, ⟦Ramipril 2,5 mg 1-0-0⟧, ⟦Metformin 1000 mg 1-0-1⟧.
Verlauf: Nach komplikationsloser Intervention über die A. radialis re. war Herr D. beschwerdefrei mobil. Im Monitoring ⟦kurze nsVT⟧ am 05.05., danach keine Rhythmusstörungen mehr. ⟦Kalium 3,4 mmol/l⟧, substituiert.
Empfehlungen: ⟦kardiologische Reha⟧ (AHB) beantragt, LDL-Ziel < 55 mg/dl, Kontrolle in 4 Wochen.
Mit freundlichen kollegialen Grüßen"""),
    ("chat-laborwerte", """Kannst du mir meine Laborwerte erklären? ⟦HbA1c 8,2 %⟧, ⟦LDL 162 mg/dl⟧, ⟦Kreatinin 1,4 mg/dl⟧, ⟦eGFR 48⟧. Der Hausarzt will mir noch ein ⟦Statin⟧ aufschreiben, aber ich nehme schon ⟦Metformin⟧ und ⟦Candesartan⟧. Ist das nicht zu viel?"""),
    ("chat-opa-demenz", """mein opa hat ⟦demenz⟧ und vergisst dauernd seine ⟦tabletten⟧, letzte woche hat er sie ⟦doppelt genommen⟧ 😬 gibts so dosen mit alarm die man empfehlen kann? er ist 84 und hasst technik"""),
    ("augenarzt-katarakt", """Befund Augenarzt (Mama, 79): ⟦Katarakt beidseits⟧, re. > li., ⟦Visus re. 0,4⟧, ⟦li. 0,7⟧ mit Korrektur. Glaukom ausgeschlossen. ⟦Phako + IOL re.⟧ geplant am 12.06. Was muss sie vorher beachten, darf sie ihren ⟦Blutverdünner⟧ weiter nehmen?"""),
    ("json-pflegeheim", """{
  "bewohner_id": "WB-117",
  "zimmer": "2.14",
  "pflegegrad": "⟦PG 4⟧",
  "diagnosen": ["⟦Morbus Parkinson⟧", "⟦Demenz vom Alzheimer-Typ⟧", "⟦Dysphagie⟧"],
  "medikation": [
    {"wirkstoff": "⟦Levodopa/Benserazid⟧", "dosis": "⟦125 mg⟧", "zeiten": ["07:00", "11:00", "15:00", "19:00"]},
    {"wirkstoff": "⟦Quetiapin⟧", "dosis": "⟦25 mg⟧", "zeiten": ["21:00"]}
  ],
  "kostform": "⟦passiert, Getränke angedickt⟧",
  "sturzrisiko": "⟦hoch⟧"
}
Schreib mir daraus einen kurzen Medikationsplan für die Nachtwache."""),
]

# German, negative.
DE_NEG: list[tuple[str, str]] = [
    ("figurativ-projekt-krank", """Das Projekt ist krank, ehrlich. Drei Teams, null Absprachen, und der Kunde ändert jede Woche die Anforderungen. Wie eskaliere ich das bei der Geschäftsführung, ohne dass es nach Schuldzuweisung klingt?"""),
    ("beipackzettel-ibuprofen", """Fass mir den Beipackzettel kurz zusammen:
Ibuprofen 400 mg Filmtabletten. Anwendungsgebiete: leichte bis mäßig starke Schmerzen wie Kopf-, Zahn- und Regelschmerzen; Fieber. Dosierung: Erwachsene und Jugendliche ab 40 kg nehmen 1 Tablette, bei Bedarf alle 6–8 Stunden, höchstens 3 Tabletten (1200 mg) pro Tag. Gegenanzeigen: bekannte Überempfindlichkeit, Magen-Darm-Geschwüre in der Vorgeschichte, schwere Herzinsuffizienz, letztes Schwangerschaftsdrittel. Häufige Nebenwirkungen: Sodbrennen, Bauchschmerzen, Übelkeit."""),
    ("leitlinie-hypertonie", """Laut Leitlinie gilt: Ab einem Praxisblutdruck von dauerhaft 140/90 mmHg liegt eine Hypertonie vor. Bei Grad 1 ohne hohes kardiovaskuläres Risiko zunächst Lebensstiländerung für 3–6 Monate, danach medikamentöse Therapie, z. B. ACE-Hemmer plus Calciumantagonist als Fixkombination. Zielwert für die meisten Patienten unter 65: 120–129 mmHg systolisch. Kannst du daraus eine Folie für die MFA-Schulung machen?"""),
    ("statistik-influenza", """Laut aktuellem Wochenbericht wurden in dieser Saison bisher knapp 180.000 laborbestätigte Influenzafälle gemeldet; am stärksten betroffen waren Kinder unter 5 Jahren und Menschen über 80. Schreib mir daraus eine kurze Meldung für den Newsletter unserer Hausarztpraxis."""),
    ("stellenanzeige-mfa", """Wir suchen ab sofort eine Medizinische Fachangestellte (m/w/d) in Teilzeit für unsere internistische Praxis in Köln-Ehrenfeld. Ihre Aufgaben: Blutentnahmen, EKG, Langzeit-RR, Betreuung von DMP-Patienten (Diabetes, KHK, COPD), Terminmanagement. Wir bieten: übertarifliche Bezahlung, keine Samstagsdienste, Jobticket. Bitte die Anzeige etwas moderner formulieren."""),
    ("tier-hund-arthrose", """Unser Labrador (11) hat Arthrose in beiden Hüften und bekommt vom Tierarzt Metacam 1,5 mg/ml, einmal täglich übers Futter. Kann man das dauerhaft geben oder schadet das den Nieren? Er humpelt morgens ziemlich."""),
    ("vorlesung-herzinsuffizienz", """Vorlesung Innere, Herzinsuffizienz – meine Mitschrift, bitte in Lernkarten umwandeln:
- Def.: Herz kann Organe nicht ausreichend mit Blut versorgen
- Einteilung nach LVEF: HFrEF ≤ 40 %, HFmrEF 41–49 %, HFpEF ≥ 50 %
- NYHA I–IV nach Belastbarkeit
- Leitsymptome: Dyspnoe, Ödeme, Leistungsminderung, Nykturie
- Labor: NT-proBNP > 125 pg/ml spricht für HI
- Therapie HFrEF: „fantastic four“ – ACE-H/ARNI, Betablocker, MRA, SGLT2-Hemmer"""),
    ("sql-praxissoftware", """Ist das Schema für unsere Praxissoftware so sinnvoll?
CREATE TABLE patient (id SERIAL PRIMARY KEY, versichertennr VARCHAR(12), geburtsdatum DATE);
CREATE TABLE diagnose (id SERIAL PRIMARY KEY, patient_id INT REFERENCES patient(id), icd10 VARCHAR(8), sicherheit CHAR(1) CHECK (sicherheit IN ('G','V','Z','A')), seite CHAR(1));
CREATE TABLE medikation (id SERIAL PRIMARY KEY, patient_id INT REFERENCES patient(id), pzn CHAR(8), dosierschema VARCHAR(20));"""),
    ("krimi-digitalis", """Für meinen Krimi: Die Kommissarin findet heraus, dass das Opfer jahrelang heimlich Digitalis ins Essen bekommen hat. Wie könnte sie darauf kommen, ohne dass es wie aus einem Lehrbuch wirkt? Die Figur des Hausarztes soll verdächtig, aber nicht offensichtlich sein."""),
    ("news-masern", """Die Zahl der Masernfälle in Europa ist 2023 deutlich gestiegen. Gesundheitsbehörden rufen dazu auf, den Impfstatus zu überprüfen, insbesondere vor Reisen. Schreib mir einen kurzen Social-Media-Post für unsere Apotheke dazu."""),
    ("frage-abkuerzungen", """Was bedeuten in Arztbriefen eigentlich die Abkürzungen Z.n., V.a., o.B., DD und AZ? Ich mache gerade ein Praktikum in der Verwaltung und will nicht ständig nachfragen."""),
    ("sport-ruhepuls", """Stimmt es, dass regelmäßiges Ausdauertraining den Ruhepuls senkt? Bei Profis liest man ja von 35–40 Schlägen pro Minute. Wie lange dauert so eine Anpassung ungefähr?"""),
    ("werbung-blutdruckmessgeraet", """Neu: Das PulsoCheck 3 Oberarm-Blutdruckmessgerät – klinisch validiert, mit Arrhythmie-Erkennung und App-Anbindung. Speichert bis zu 2 × 120 Messwerte. Jetzt 20 % günstiger in Ihrer Apotheke. → Mach daraus bitte drei kurze Varianten für Instagram."""),
    ("hr-au-richtlinie", """Formuliere bitte einen Absatz für unser Mitarbeiterhandbuch: Arbeitsunfähigkeit ist am ersten Tag bis 9 Uhr der Führungskraft zu melden. Ab dem vierten Kalendertag ist eine ärztliche AU-Bescheinigung erforderlich; seit 2023 wird diese elektronisch (eAU) bei der Krankenkasse abgerufen."""),
    ("figurativ-excel-kopfschmerzen", """Diese Excel-Tabelle bereitet mir echt Kopfschmerzen 🤯 wie entferne ich Duplikate, wenn nur die Kombination aus Spalte B und D eindeutig sein soll?"""),
]

# French, positive.
FR_POS: list[tuple[str, str]] = [
    ("chat-fille-asthme", """ma fille fait des ⟦crises d'asthme⟧ la nuit depuis qu'on a déménagé, le médecin lui a donné de la ⟦Ventoline⟧ mais elle ⟦tousse⟧ encore jusqu'à 3h du matin 😓 ça peut venir de l'humidité de l'appart ? elle a 6 ans"""),
    ("observation-urgences-sca", """Tu peux reformuler cette observation en courrier pour le cardiologue ?
Pat. 58 ans. ATCD : ⟦HTA⟧, ⟦DT2⟧ sous ⟦metformine 1000 mg x2/j⟧, ⟦tabagisme actif 30 PA⟧. Pas d'allergie connue.
HDM : ⟦douleur thoracique constrictive⟧ depuis 2 h, ⟦irradiant au bras G⟧, ⟦sueurs⟧.
Examen : ⟦TA 165/95⟧, ⟦FC 102⟧, auscultation cardio-pulmonaire RAS.
ECG : ⟦sus-décalage ST en DII, DIII, aVF⟧. ⟦Troponine 1 250 ng/l⟧.
Conclusion : ⟦SCA ST+ inférieur⟧ → ⟦coronarographie⟧ en urgence."""),
    ("pharmacie-levothyrox", """Ordonnance renouvelée : ⟦Lévothyrox 75 µg⟧ 1 cp le matin à jeun, ⟦Kardégic 75 mg⟧ 1 sachet/j. La patiente signale des ⟦palpitations⟧ et une ⟦perte de poids⟧ depuis le passage de 50 à 75 µg. Conseillé de recontacter son médecin rapidement."""),
    ("dentiste-pulpite", """Dent 26 : ⟦carie profonde mésiale⟧, ⟦douleur au froid persistante⟧ → ⟦pulpite irréversible⟧. Traitement : ⟦dévitalisation⟧ en 2 séances puis couronne. ATCD : sous ⟦Kardégic⟧, ⟦allergie à la pénicilline⟧ (urticaire). Patient très ⟦anxieux⟧, prévoir MEOPA."""),
    ("kine-entorse", """Bilan kiné – patient 29 ans, footballeur amateur. ⟦Entorse de la cheville droite⟧ (⟦LLE grade 2⟧) il y a 3 semaines, ⟦œdème persistant⟧ en regard de la malléole externe, ⟦appui douloureux⟧ en fin de journée, ⟦instabilité subjective⟧. Objectifs : proprioception, renforcement des fibulaires, reprise du terrain à 6 semaines."""),
    ("ophtalmo-pere", """CR consultation ophtalmo (mon père, 81 ans) : AV OD ⟦4/10⟧, OG ⟦8/10⟧ avec correction. ⟦Cataracte nucléaire OD⟧, ⟦DMLA sèche⟧ débutante OG. ⟦TO 16/17 mmHg⟧. Programmation ⟦chirurgie de la cataracte OD⟧ en ambulatoire. Il prend un ⟦anticoagulant⟧, il doit l'arrêter avant ?"""),
    ("chat-pma-icsi", """on est en parcours ⟦PMA⟧ depuis 2 ans, ⟦deux FIV⟧ sans succès, et on vient d'apprendre que mon mari a une ⟦oligospermie sévère⟧. la gynéco parle maintenant d'⟦ICSI⟧. quelqu'un peut m'expliquer la différence simplement ? et est-ce que la sécu rembourse encore ?"""),
    ("mail-manager-grossesse", """Bonjour, pouvez-vous m'aider à rédiger un mail à mon manager ? Je suis ⟦enceinte de 4 mois⟧ et on m'a diagnostiqué un ⟦diabète gestationnel⟧, j'ai des rendez-vous à la maternité toutes les deux semaines. Je voudrais demander du télétravail les jours de rendez-vous sans entrer dans les détails médicaux."""),
    ("cmp-bipolaire", """Note CMP – patient suivi pour ⟦trouble bipolaire de type I⟧. ⟦Épisode maniaque⟧ en mars ayant conduit à une ⟦hospitalisation en SDT⟧. Sous ⟦lithium 800 mg/j⟧, ⟦lithémie 0,7 mmol/l⟧ le 02/05. ⟦Observance fluctuante⟧, ⟦sommeil 4-5 h/nuit⟧. Prochain RDV avec le Dr Martin dans 15 jours."""),
    ("csapa-entretien", """Entretien CSAPA : usager sous ⟦buprénorphine 8 mg/j⟧ (⟦TSO⟧) depuis 2019, ⟦consommation de cocaïne⟧ le week-end, ⟦alcool 6 verres/j⟧ en semaine. ⟦VHC⟧ guéri après traitement en 2021. ⟦Anxiété⟧ +++. Orientation vers le groupe de parole du jeudi et RDV psychiatre."""),
    ("pai-arachide", """L'infirmière scolaire me demande de remplir un PAI pour mon fils (CE2) : ⟦allergie à l'arachide⟧ avec ⟦choc anaphylactique⟧ en 2022, ⟦Anapen 150 µg⟧ à garder en classe et à la cantine, ⟦asthme léger⟧ sous ⟦Ventoline⟧. Vous pouvez m'aider à rédiger la partie « conduite à tenir en cas de réaction » ?"""),
    ("ehpad-transmissions", """Transmissions nuit du 3 au 4, unité Les Tilleuls : Mme R. ⟦agitée⟧ de 1h à 3h, ⟦déambulation⟧ dans le couloir, a refusé son ⟦Seresta 10⟧. ⟦Chute⟧ à 4h15 sans témoin, ⟦hématome frontal⟧ 3 cm. ⟦TA 100/60⟧, ⟦pouls 96⟧, ⟦Glasgow 14⟧. Médecin d'astreinte prévenu, surveillance neuro /2h. Famille prévenue à 8h."""),
    ("ssiad-passage-ide", """Passage IDE 8h chez M. Lefèvre : ⟦ulcère veineux jambe G⟧, pansement refait, ⟦plaie fibrineuse⟧. ⟦Glycémie capillaire 2,35 g/l⟧ → ⟦Lantus 18 UI⟧ injectées. Patient ⟦essoufflé⟧ au moindre effort, ⟦œdèmes des MI⟧ en augmentation, ⟦+2 kg⟧ en 3 jours. Appeler le médecin traitant ce matin."""),
    ("chat-arret-burnout", """je suis en arrêt maladie pour ⟦burn-out⟧ depuis 6 semaines et ma DRH me demande un « point téléphonique ». je dois lui dire quoi ? je ⟦dors mal⟧, je ⟦pleure⟧ dès que je vois un mail du boulot et mon psy m'a mis sous ⟦sertraline⟧ il y a 10 jours"""),
    ("prevoyance-lombosciatique", """Je dois remplir le questionnaire de ma prévoyance pour l'arrêt de travail. Médecin : Dr Benali. Motif : ⟦lombosciatique L5 gauche⟧ sur ⟦hernie discale L4-L5⟧, confirmée à l'⟦IRM⟧ du 12/02. Traitement : ⟦infiltration⟧ le 28/02, ⟦kinésithérapie⟧ 2x/semaine, ⟦Lyrica 75 mg⟧ matin et soir. Reprise envisagée en mi-temps thérapeutique. Aide-moi à formuler la partie « description de l'affection » de façon claire."""),
    ("mdph-frere", """Aide-moi à rédiger le « projet de vie » du dossier MDPH de mon frère (34 ans) : il a une ⟦trisomie 21⟧, une ⟦cardiopathie opérée⟧ à 6 mois et une ⟦surdité partielle⟧ appareillée. Il travaille en ESAT 4 jours par semaine et voudrait un logement en habitat inclusif près de chez nos parents."""),
    ("montre-alerte-fa", """ma montre m'a envoyé une alerte « ⟦fibrillation auriculaire possible⟧ » cette nuit, ⟦fréquence cardiaque 134⟧ alors que je dormais 😳 j'ai 47 ans, jamais eu de souci cardiaque. urgences ou rdv chez le généraliste ?"""),
    ("csv-absences", """Peux-tu calculer le taux d'absentéisme par service à partir de cet export ?
Matricule;Nom;Service;Début;Fin;Jours;Motif
A0412;Morel Julie;Compta;08/01/2024;10/01/2024;3;⟦Gastro-entérite⟧
A0587;Diallo Moussa;Logistique;15/01/2024;16/02/2024;25;⟦Fracture du poignet⟧
A0601;Girard Paul;Informatique;22/01/2024;26/01/2024;5;Congé paternité
A0412;Morel Julie;Compta;12/02/2024;12/02/2024;1;⟦Migraine⟧
A0733;Lambert Chloé;RH;04/03/2024;30/04/2024;40;⟦Dépression⟧"""),
    ("json-dpi", """Pourquoi mon script plante sur ce JSON ?
{"ipp": "80012345", "sexe": "F", "naissance": "1949-11-02",
 "antecedents": ["⟦AVC ischémique 2017⟧", "⟦FA⟧", "⟦ostéoporose⟧"],
 "traitements": [{"dci": "⟦apixaban⟧", "posologie": "⟦2,5 mg x2/j⟧"}, {"dci": "⟦alendronate⟧", "posologie": "⟦70 mg/semaine⟧"}],
 "allergies": null,
 "dernier_inr": null
 "autonomie": "⟦GIR 3⟧"}"""),
    ("codeswitch-pancreas", """Mon père a un ⟦cancer du pancréas⟧ métastatique et l'oncologue veut commencer le ⟦FOLFIRINOX⟧ lundi. My brother lives in Boston and doesn't read French, tu peux me faire un résumé en anglais du compte rendu ? Il a aussi ⟦perdu 9 kg⟧ et il a ⟦la jaunisse⟧, ils lui ont posé une ⟦prothèse biliaire⟧."""),
    ("cr-hospitalisation", """Compte rendu d'hospitalisation – Service de médecine interne
Madame Josiane T., 84 ans, hospitalisée du 12/01 au 21/01.
Motif : ⟦altération de l'état général⟧, ⟦chutes à répétition⟧.
ATCD : ⟦insuffisance cardiaque à FEVG préservée⟧, ⟦FA permanente⟧ anticoagulée, ⟦diabète de type 2⟧ sous ⟦insuline basale⟧, ⟦troubles cognitifs⟧ (⟦MMS 19/30⟧), ⟦PTH droite⟧ 2015.
Histoire : depuis 10 jours, ⟦asthénie⟧, ⟦anorexie⟧, ⟦confusion⟧ fluctuante. Aux urgences : ⟦hyponatrémie à 121 mmol/l⟧, ⟦créatinine 142 µmol/l⟧.
Évolution : ⟦hyponatrémie⟧ attribuée à l'⟦hydrochlorothiazide⟧, arrêté. Correction progressive (⟦Na 133⟧ à la sortie). ⟦Infection urinaire à E. coli⟧ traitée par ⟦ceftriaxone⟧ puis ⟦cotrimoxazole⟧.
Traitement de sortie : ⟦apixaban 2,5 mg x2⟧, ⟦bisoprolol 2,5 mg⟧, ⟦furosémide 40 mg le matin⟧, ⟦insuline glargine 14 UI le soir⟧.
Suites : passage IDE quotidien, ⟦kinésithérapie à domicile⟧, consultation mémoire dans 3 mois.
→ Résume-moi ça en 5 lignes pour le médecin traitant."""),
    ("chat-bebe-fievre", """mon bébé de 3 mois a ⟦39,5 de fièvre⟧ depuis ce matin et il ⟦ne boit presque plus⟧ ses biberons, il est ⟦tout mou⟧. j'ai donné du ⟦Doliprane⟧ il y a 2h. j'appelle le 15 ou j'attends ?"""),
]

# French, negative.
FR_NEG: list[tuple[str, str]] = [
    ("figuratif-tableur-migraine", """ce tableur me donne la migraine 😩 tu peux m'aider à faire une RECHERCHEX qui renvoie la dernière valeur trouvée au lieu de la première ?"""),
    ("notice-doliprane", """Résume cette notice : DOLIPRANE 1000 mg, comprimé. Indications : traitement symptomatique des douleurs d'intensité légère à modérée et/ou des états fébriles. Posologie : réservé à l'adulte et à l'enfant à partir de 50 kg ; 1 comprimé, à renouveler si besoin au bout de 4 heures minimum, sans dépasser 3 g par jour. Contre-indications : insuffisance hépatocellulaire sévère. En cas de surdosage, consultez immédiatement un médecin."""),
    ("recommandation-hta", """D'après les recommandations, l'HTA est confirmée si la PA en automesure est ≥ 135/85 mmHg. En première intention : IEC, ARA2, inhibiteur calcique ou diurétique thiazidique. Objectif tensionnel < 140/90 mmHg en consultation et < 135/85 en automesure. Tu peux me faire un schéma décisionnel pour des étudiants en IFSI ?"""),
    ("statistiques-vaccination-grippe", """Selon Santé publique France, la couverture vaccinale contre la grippe des 65 ans et plus reste autour de 50 %, loin de l'objectif de 75 %. Rédige un paragraphe neutre pour un exposé de BTS."""),
    ("offre-emploi-ide-ehpad", """Offre d'emploi : IDE (H/F) en EHPAD, CDI temps plein, 80 résidents dont une unité protégée Alzheimer. Missions : préparation et distribution des traitements, surveillance des plaies et des escarres, coordination avec les médecins traitants et l'HAD. Reprise d'ancienneté, prime Ségur. Peux-tu rendre l'annonce plus attractive ?"""),
    ("animal-chat-insuffisance-renale", """Mon chat de 15 ans a une insuffisance rénale, la véto lui a prescrit du Semintra et des croquettes rénales. Il boit énormément et a maigri. Combien de temps on peut gagner avec le traitement ?"""),
    ("cours-semiologie", """Cours de sémiologie cardio – mes notes, transforme-les en QCM :
- Douleur angineuse typique : rétrosternale, constrictive, irradiant au bras gauche/mâchoire, à l'effort, cédant au repos ou à la trinitrine
- Signes d'ICG : dyspnée d'effort puis orthopnée, crépitants bilatéraux
- Signes d'ICD : OMI prenant le godet, TJ, RHJ, hépatalgie
- Souffle d'IA : diastolique, au foyer aortique"""),
    ("code-python-consultation", """Je fais une appli pour un cabinet, ça te semble correct ?
@dataclass
class Consultation:
    patient_id: str
    motif: str
    diagnostic_cim10: str | None = None
    prescriptions: list[str] = field(default_factory=list)

def ajouter_prescription(c: Consultation, medicament: str, posologie: str) -> None:
    c.prescriptions.append(f"{medicament} – {posologie}")"""),
    ("roman-la-peste", """Fais-moi un résumé de « La Peste » de Camus pour un exposé : l'épidémie à Oran, le docteur Rieux, Tarrou, le père Paneloux et le sérum de Castel."""),
    ("news-vaccination-hpv", """La campagne de vaccination contre les papillomavirus au collège est reconduite cette année pour les élèves de 5e, filles et garçons. Les parents doivent signer une autorisation. Tu peux écrire un mot court pour le carnet de liaison ?"""),
    ("question-avc", """C'est quoi la différence entre un AVC ischémique et un AVC hémorragique ? Et pourquoi on dit qu'il faut appeler le 15 « au moindre doute » ?"""),
    ("marketing-tensiometre", """Découvrez TensioPlus Connect : tensiomètre au bras validé cliniquement, détection des battements irréguliers, historique illimité dans l'appli. Idéal pour le suivi à domicile. Rédige trois accroches publicitaires pour une pharmacie."""),
    ("question-abreviations", """Dans les comptes rendus médicaux, que veulent dire ATCD, HDM, RAS, TTT et « pat. » ? Je fais des traductions pour une agence."""),
    ("sport-vo2max", """Comment la VO2max évolue-t-elle avec l'âge chez les coureurs amateurs ? J'ai lu qu'on perd environ 10 % par décennie après 30 ans si on ne s'entraîne pas."""),
    ("figuratif-chef-malade", """Mon chef me casse les pieds avec ses réunions de 8h, ça me rend malade rien que d'y penser 😅 Comment proposer poliment un autre créneau ?"""),
]

# Spanish, positive.
ES_POS: list[tuple[str, str]] = [
    ("chat-madre-tension", """mi madre tiene la ⟦tensión alta⟧ y el médico le ha mandado ⟦enalapril 10 mg⟧ por la mañana, pero dice que desde entonces tiene una ⟦tos seca⟧ que no se le quita. ¿es normal? tiene 74 años y no quiere volver al centro de salud"""),
    ("urgencias-scasest", """Pásame esto a un informe más legible:
Pte. varón 63 a. AP: ⟦HTA⟧, ⟦DM2⟧ en tto con ⟦metformina 850 mg/12 h⟧, ⟦exfumador (20 paq-año)⟧. Sin AMC.
EA: ⟦dolor torácico opresivo⟧ de 1 h de evolución, ⟦irradiado a mandíbula⟧, con ⟦cortejo vegetativo⟧.
EF: ⟦TA 170/100⟧, ⟦FC 110 lpm⟧, ⟦SatO2 95 %⟧ basal. AC: rítmica, sin soplos. AP: MVC.
ECG: ⟦descenso del ST en V4-V6⟧. ⟦Troponina 86 ng/l⟧.
JC: ⟦SCASEST⟧. Se inicia ⟦doble antiagregación⟧."""),
    ("farmacia-omeprazol", """Receta: ⟦omeprazol 20 mg⟧ 1 cada 24 h, ⟦paracetamol 1 g⟧ cada 8 h si dolor. El paciente comenta ⟦ardor de estómago⟧ frecuente y que toma ⟦ibuprofeno 600⟧ casi a diario por un ⟦dolor lumbar⟧ crónico. Se le recomienda comentarlo con su médica de cabecera."""),
    ("dentista-embarazada", """Pieza 16: ⟦caries profunda⟧ con ⟦dolor espontáneo nocturno⟧ → ⟦pulpitis irreversible⟧. Plan: ⟦endodoncia⟧ y corona. Paciente ⟦embarazada de 20 semanas⟧: se pospone la radiografía periapical, anestesia con ⟦articaína⟧ sin problema según su ginecóloga."""),
    ("fisio-lumbalgia", """Valoración fisio: pte. 52 a., conductor de autobús. ⟦Lumbalgia mecánica⟧ de 3 meses, ⟦irradiación a glúteo izq.⟧ sin pasar de la rodilla. Lasègue negativo. ⟦Contractura paravertebral lumbar⟧, ⟦flexión limitada (dedos-suelo 25 cm)⟧. Plan: 10 sesiones, ejercicio terapéutico y educación en dolor."""),
    ("optica-miopia-hijo", """Graduación nueva de mi hijo (9 años): OD ⟦-3,25 -0,75 x 10⟧, OI ⟦-3,00 -0,50 x 170⟧. El año pasado era ⟦-2,00⟧. La oftalmóloga dice que es ⟦miopía progresiva⟧ y propone ⟦gotas de atropina 0,01 %⟧. ¿Merece la pena?"""),
    ("chat-fertilidad-endometriosis", """llevamos 3 años buscando y nos acaban de decir que tengo ⟦endometriosis grado IV⟧ y una ⟦trompa obstruida⟧ 💔 la clínica recomienda ir directamente a ⟦FIV⟧. ¿alguien sabe cuántos intentos cubre la seguridad social en Madrid?"""),
    ("rrhh-placenta-previa", """Hola, soy responsable de RRHH en una cadena de supermercados. Una cajera nos ha comunicado que está ⟦embarazada de 24 semanas⟧ y tiene ⟦placenta previa⟧; su ginecóloga recomienda evitar estar de pie muchas horas y cargar peso. ¿Cómo redactamos la adaptación del puesto y, si no es posible, la solicitud de riesgo durante el embarazo a la mutua?"""),
    ("usm-nota-evolucion", """Nota de evolución USM: paciente de 23 años con ⟦TLP⟧ y ⟦autolesiones⟧ (⟦cortes superficiales en antebrazos⟧), la última hace 10 días. ⟦Ideación suicida pasiva⟧, sin plan. En tto con ⟦sertralina 100 mg⟧ y ⟦quetiapina 25 mg⟧ si insomnio. Continúa en grupo de DBT los martes."""),
    ("cad-metadona", """Usuario del CAD en ⟦programa de metadona⟧ (⟦70 mg/día⟧), ⟦consumo de cocaína esnifada⟧ los fines de semana. ⟦VIH+⟧ en ⟦TAR⟧ con ⟦carga viral indetectable⟧ en la última analítica. Refiere ⟦insomnio⟧. Se deriva a psiquiatría."""),
    ("enfermera-escolar-dm1", """Soy la enfermera del colegio. Tenemos una niña de 8 años con ⟦diabetes tipo 1⟧ que lleva ⟦bomba de insulina⟧ y ⟦sensor de glucosa⟧. Ayer en el recreo tuvo una ⟦hipoglucemia de 52 mg/dl⟧ con ⟦temblores⟧. ¿Me ayudas a escribir un protocolo de actuación para los profesores?"""),
    ("residencia-parte-noche", """Parte de incidencias, residencia Los Almendros, turno de noche: Dña. Carmen (hab. 12) ⟦desorientada⟧ y con ⟦disnea⟧ desde las 3:00, ⟦sat 89 %⟧ con ⟦gafas nasales a 2 l⟧, ⟦Tª 38,1⟧. Se avisa al 112. Antecedentes: ⟦EPOC⟧, ⟦insuficiencia cardiaca⟧, ⟦demencia moderada⟧. Redáctalo para la familia de forma tranquila."""),
    ("chat-baja-ansiedad", """estoy de baja por ⟦ansiedad⟧ y mi jefe me escribe por whatsapp casi todos los días preguntando cuándo vuelvo 😤 ¿qué le puedo contestar para que pare sin liarla? la psiquiatra me ha dicho que nada de trabajo hasta que ajusten la ⟦medicación⟧"""),
    ("seguro-reclamacion-rodilla", """Necesito reclamar al seguro de salud porque me han denegado la ⟦resonancia de rodilla⟧. Mi traumatólogo sospecha ⟦rotura de menisco interno⟧ tras una ⟦torcedura⟧ jugando al pádel: ⟦derrame⟧, ⟦bloqueos⟧ y ⟦dolor al agacharme⟧ desde hace 6 semanas. Ayúdame a redactar la reclamación con tono firme pero educado."""),
    ("discapacidad-tea", """Mi hijo tiene reconocido un ⟦33 % de discapacidad⟧ por ⟦TEA⟧ (⟦autismo grado 1⟧) y el instituto no quiere darle más tiempo en los exámenes. ¿Qué normativa puedo citar en el escrito al director? Estamos en Andalucía."""),
    ("reloj-saturacion", """el reloj me marca ⟦FC en reposo 45⟧, ⟦sueño 5 h 20 min⟧ y ⟦SpO2 92 %⟧ de media por la noche. hago bici pero no soy profesional. ¿debería preocuparme lo de la saturación?"""),
    ("csv-bajas", """Ordena esto por días de baja y dime el total por departamento:
id,nombre,departamento,inicio,fin,dias,motivo
201,Laura Gómez,Ventas,2024-01-10,2024-01-12,3,⟦Gripe⟧
202,Iker Etxeberria,Almacén,2024-01-15,2024-03-01,47,⟦Fractura de tobillo⟧
203,Marta Ruiz,Administración,2024-02-05,2024-02-05,1,Asuntos propios
204,Jorge Pardo,Almacén,2024-02-12,2024-02-23,10,⟦Lumbalgia⟧
201,Laura Gómez,Ventas,2024-03-04,2024-03-08,5,⟦Amigdalitis⟧"""),
    ("json-historia-clinica", """¿Por qué falla este JSON en el validador?
{
  "nhc": "0045871",
  "paciente": {"sexo": "M", "edad": 47},
  "alergias": ["⟦AINEs⟧"],
  "diagnosticos": [{"cie10": "⟦E11.9⟧", "texto": "⟦Diabetes mellitus tipo 2 sin complicaciones⟧"}, {"cie10": "⟦F32.1⟧", "texto": "⟦Episodio depresivo moderado⟧"}],
  "tratamiento": [{"farmaco": "⟦dapagliflozina⟧", "dosis": "⟦10 mg/24h⟧"}, {"farmaco": "⟦escitalopram⟧", "dosis": "⟦15 mg/24h⟧"},],
}"""),
    ("codeswitch-parkinson", """mi papá tiene ⟦Parkinson⟧ desde hace 4 años and he just started ⟦levodopa⟧ pero le da muchos ⟦mareos⟧ al levantarse y ⟦náuseas⟧. ¿le pedimos al neurólogo que baje la dosis o es algo temporal?"""),
    ("informe-alta-epoc", """INFORME DE ALTA – Servicio de Neumología
Paciente: varón, 69 años. Ingreso: 04/02. Alta: 11/02.
Motivo de ingreso: ⟦disnea⟧ de moderados esfuerzos que progresa hasta el reposo, ⟦aumento de expectoración purulenta⟧.
Antecedentes: ⟦EPOC GOLD E⟧ (⟦FEV1 38 %⟧), ⟦exfumador⟧ desde 2018, ⟦HTA⟧, ⟦SAHS⟧ en tratamiento con ⟦CPAP⟧. ⟦Alergia a penicilina⟧.
Exploración al ingreso: ⟦SatO2 84 %⟧ basal, ⟦FR 28 rpm⟧, ⟦sibilancias espiratorias difusas⟧.
Pruebas: ⟦gasometría pH 7,31, pCO2 58⟧. Rx tórax sin condensaciones.
Juicio clínico: ⟦agudización grave de EPOC⟧ con ⟦insuficiencia respiratoria hipercápnica⟧.
Evolución: ⟦VMNI⟧ 48 h, ⟦corticoides sistémicos⟧ y ⟦levofloxacino⟧ con buena respuesta.
Tratamiento al alta: ⟦prednisona 30 mg⟧ en pauta descendente, ⟦Trimbow 2 inh/12 h⟧, ⟦oxigenoterapia domiciliaria 2 l/min⟧ 16 h/día, continuar ⟦CPAP⟧.
Revisión en consultas de Neumología en 1 mes.
— Necesito explicárselo a mi padre con palabras sencillas."""),
    ("chat-abuelo-sintrom", """mi abuelo toma ⟦Sintrom⟧ y en el último control le salió el ⟦INR en 4,5⟧. ¿puede tomar algo para el ⟦dolor de rodilla⟧ o mejor nada hasta que lo vea la enfermera?"""),
    ("typos-novio-diabetico", """mi novio es ⟦diavetico⟧ y se pincha ⟦insulina⟧ antes de comer pero ayer se le olvido y ⟦le subio a 300⟧ 😰 q hago si le vuelve a pasar?? no tengo ni idea de esto"""),
]

# Spanish, negative.
ES_NEG: list[tuple[str, str]] = [
    ("figurado-jefe-dolor-de-cabeza", """mi jefe es un dolor de cabeza, cada lunes cambia las prioridades del equipo. ¿cómo le planteo una reunión para fijar objetivos trimestrales sin que parezca una queja?"""),
    ("prospecto-ibuprofeno", """Resume este prospecto: Ibuprofeno 600 mg comprimidos recubiertos. Está indicado para el alivio del dolor leve o moderado, la fiebre y procesos inflamatorios como la artritis. Adultos: 1 comprimido cada 6-8 horas, sin superar 2400 mg al día. No tome este medicamento si ha tenido una úlcera péptica o hemorragia digestiva, o si está en el tercer trimestre del embarazo. Efectos adversos frecuentes: náuseas, dispepsia, diarrea."""),
    ("guia-hta", """Según la guía, se considera HTA una PA en consulta ≥ 140/90 mmHg confirmada en varias visitas o con AMPA ≥ 135/85. Si el riesgo cardiovascular es alto o hay lesión de órgano diana, iniciar tratamiento farmacológico de inmediato. Hazme un resumen en tabla para residentes de primer año."""),
    ("estadistica-causas-muerte", """Según el INE, las enfermedades del sistema circulatorio siguieron siendo la primera causa de muerte en España, seguidas de los tumores. Escríbeme una introducción para un TFG de enfermería con esos datos, sin inventar cifras."""),
    ("oferta-enfermeria-dialisis", """Se busca enfermero/a para clínica de hemodiálisis en Valencia. Funciones: conexión y desconexión de pacientes, cuidado de fístulas arteriovenosas, control de constantes durante la sesión. Requisitos: grado en Enfermería, colegiación; valorable experiencia en nefrología. Reescribe la oferta para LinkedIn."""),
    ("animal-perro-leishmaniosis", """mi perro tiene leishmaniosis, el veterinario le ha puesto alopurinol 300 mg dos veces al día y ahora tiene que hacer análisis cada 3 meses. ¿se puede curar del todo o es de por vida?"""),
    ("apuntes-farmacologia", """Apuntes de Farmacología – tema 12, betabloqueantes: mecanismo (antagonistas β1/β2), indicaciones (HTA, cardiopatía isquémica, IC con FE reducida, FA), contraindicaciones (asma grave, bloqueo AV de 2.º-3.er grado, bradicardia < 50 lpm). Hazme 10 preguntas tipo test."""),
    ("codigo-django-cita", """Revisa este modelo de Django para una clínica:
class Cita(models.Model):
    paciente = models.ForeignKey("Paciente", on_delete=models.CASCADE)
    especialidad = models.CharField(max_length=50, choices=ESPECIALIDADES)
    motivo = models.TextField(blank=True)
    diagnostico_cie10 = models.CharField(max_length=8, blank=True)
    fecha = models.DateTimeField()"""),
    ("novela-peste-insomnio", """Para un trabajo de literatura: ¿qué simboliza la peste del insomnio en «Cien años de soledad»? ¿Por qué los habitantes de Macondo empiezan a olvidar el nombre de las cosas?"""),
    ("noticia-dengue", """Las autoridades sanitarias han confirmado un aumento de casos de dengue autóctono en el sur de Europa este verano. Recomiendan usar repelente y eliminar aguas estancadas. Hazme un titular y una entradilla para la web del ayuntamiento."""),
    ("pregunta-resfriado-gripe", """¿Qué diferencia hay entre un resfriado y la gripe? ¿Los antibióticos sirven para alguno de los dos?"""),
    ("marketing-clinica-dental", """¡Sonríe sin miedo! En Clínica Dental Sonrisa te ofrecemos implantes con carga inmediata, ortodoncia invisible y primera visita gratuita con radiografía panorámica. Financiación hasta 24 meses sin intereses. Mejora este texto para un folleto."""),
    ("pregunta-abreviaturas", """¿Qué significan AP, EA, sin AMC, JC y tto en un informe de urgencias? Estoy traduciendo informes para una aseguradora y no lo tengo claro."""),
    ("deporte-bradicardia", """¿Por qué los corredores de fondo suelen tener la frecuencia cardiaca en reposo tan baja? ¿Es lo mismo la bradicardia del deportista que una bradicardia patológica?"""),
    ("figurado-proyecto-uci", """Este proyecto está en la UCI, necesita cirugía mayor 😂 Ayúdame a preparar una presentación para el comité explicando por qué hay que replanificar el alcance."""),
]

# Italian, positive.
IT_POS: list[tuple[str, str]] = [
    ("chat-mamma-pressione", """mia mamma ha la ⟦pressione alta⟧ da anni e il medico le ha aumentato il ⟦ramipril a 10 mg⟧, ma ora dice che ha ⟦giramenti di testa⟧ quando si alza dal letto. è normale? ha 77 anni e vive da sola, sono un po' preoccupata"""),
    ("anamnesi-scompenso", """Mi sistemi questa anamnesi in forma discorsiva per la lettera?
Pz di 68 aa. APR: ⟦IMA⟧ nel 2018 trattato con ⟦PTCA + stent su IVA⟧, ⟦DM2⟧ in terapia con ⟦metformina 1000 mg x 2⟧, ⟦IRC stadio 3b⟧. Nessuna allergia nota.
APP: da 5 gg ⟦dispnea ingravescente⟧, ⟦ortopnea⟧, ⟦edemi declivi⟧ bilaterali.
EO: ⟦crepitii bibasali⟧, ⟦PA 150/90⟧, ⟦FC 98 r⟧, ⟦SpO2 91% in aa⟧.
Esami: ⟦NT-proBNP 4.850 pg/ml⟧, ⟦creatinina 2,1⟧.
In terapia con ⟦furosemide 25 mg 1 cp/die⟧, ⟦bisoprololo 2,5 mg⟧."""),
    ("farmacia-eutirox", """Ricetta: ⟦Eutirox 100 mcg⟧ 1 cp al mattino a digiuno, ⟦Pantorc 20 mg⟧. La signora riferisce ⟦tachicardia⟧ e ⟦insonnia⟧ da quando le hanno alzato la dose. Consigliato di sentire il medico curante e di ricontrollare gli esami."""),
    ("dentista-ascesso", """Elemento 36: ⟦carie destruente⟧, ⟦ascesso periapicale⟧. Piano: ⟦estrazione⟧ e successivo ⟦impianto⟧. Anamnesi: pz in terapia con ⟦acido zoledronico⟧ per ⟦osteoporosi⟧ fino al 2022 – valutare il rischio prima di procedere. ⟦Amoxicillina 1 g x 3⟧ per 6 gg."""),
    ("fisio-spalla-congelata", """Valutazione fisioterapica: pz 61 aa, ⟦capsulite adesiva spalla sx⟧ da 5 mesi, ⟦ROM flessione 100°⟧, ⟦extrarotazione 15°⟧, ⟦dolore notturno VAS 7⟧. ⟦Diabetica⟧ (⟦DM2⟧). Piano: 10 sedute, mobilizzazioni ed esercizi domiciliari."""),
    ("oculista-cheratocono", """Visita oculistica del mio compagno: ⟦cheratocono⟧ bilaterale, più avanzato a destra, ⟦visus OD 5/10⟧ con occhiali. Gli hanno proposto il ⟦cross-linking⟧ all'occhio destro. Qualcuno l'ha fatto? Quanto dura la convalescenza?"""),
    ("chat-pma-gravidanza", """sono alla ⟦12a settimana⟧ dopo la ⟦ICSI⟧ (al terzo tentativo 🙏) e oggi la ginecologa mi ha detto che ho la ⟦placenta bassa⟧ e che devo continuare il ⟦progesterone⟧ fino alla 16a. si può fare yoga?"""),
    ("hr-legge-104", """Buongiorno, sono HR in un'azienda di 120 dipendenti. Un collaboratore ci ha chiesto i permessi della legge 104 per assistere la madre, che ha l'⟦Alzheimer⟧ in stadio avanzato ed è ⟦allettata⟧. Lui stesso ha un'⟦invalidità civile al 46%⟧ per ⟦diabete⟧. Come impostiamo la comunicazione e cosa possiamo chiedere come documentazione?"""),
    ("csm-nota", """Nota CSM: paziente di 34 anni con ⟦schizofrenia paranoide⟧, in terapia con ⟦paliperidone depot 100 mg⟧ mensile. ⟦Allucinazioni uditive⟧ ridotte ma ancora presenti la sera. ⟦Aumento ponderale di 6 kg⟧ negli ultimi 4 mesi. Riferisce ⟦uso di cannabis⟧ nel weekend. Prossima somministrazione il 14/06."""),
    ("serd-metadone", """Utente SerD in terapia con ⟦metadone 40 mg/die⟧ da 3 anni, affidamento settimanale. Urine del 02/05 ⟦positive per cocaina⟧. Riferisce ⟦ricaduta⟧ dopo la perdita del lavoro. ⟦HCV⟧ in trattamento con ⟦sofosbuvir/velpatasvir⟧. Concordato colloquio con lo psicologo."""),
    ("scuola-epilessia", """Devo preparare la richiesta di somministrazione farmaci a scuola per mio figlio (2a elementare): ha l'⟦epilessia⟧ e in caso di ⟦crisi⟧ che dura più di 5 minuti va dato il ⟦Buccolam 7,5 mg⟧ in bocca. Prende anche il ⟦Depakin⟧ mattina e sera a casa. Mi aiuti a scrivere la lettera per la dirigente?"""),
    ("rsa-diario-notte", """Diario infermieristico RSA, notte 12/13: sig.ra Pina ⟦agitata⟧ alle 2:00, ⟦tentativo di alzarsi dal letto⟧ senza aiuto, spondine alzate. ⟦PA 165/95⟧, ⟦glicemia 245⟧. ⟦Lesione da pressione al tallone dx⟧ stadio 2, medicata. Somministrato ⟦Tavor 1 mg⟧ al bisogno come da prescrizione."""),
    ("adi-accesso", """Accesso ADI ore 10: sig. Franco, 82 aa, ⟦portatore di PEG⟧ e ⟦catetere vescicale⟧. Cambio catetere eseguito, ⟦urine torbide⟧. ⟦TC 37,9⟧. La figlia riferisce ⟦tosse durante i pasti⟧ (⟦disfagia⟧ nota). Avvisato MMG per eventuale urinocoltura."""),
    ("chat-malattia-lombosciatalgia", """sono in malattia per una ⟦lombosciatalgia⟧ e il mio capo mi ha chiesto di collegarmi comunque alla riunione di giovedì 🙄 posso rifiutare? il medico mi ha dato ⟦cortisone⟧ e ⟦Muscoril⟧ e a stento sto seduta"""),
    ("assicurazione-infortuni", """Devo compilare la denuncia di sinistro per la polizza infortuni: il 3 aprile sono caduto in bici e mi sono procurato una ⟦frattura scomposta del radio distale dx⟧, ⟦operata⟧ il 5 aprile con ⟦placca e viti⟧. ⟦Gesso⟧ per 5 settimane, poi ⟦fisioterapia⟧. Mi aiuti a scrivere la descrizione dell'evento e delle lesioni?"""),
    ("invalidita-sclerosi-multipla", """Mi aiuti a preparare la domanda di aggravamento dell'invalidità? Ho la ⟦sclerosi multipla recidivante-remittente⟧ dal 2016, ora in terapia con ⟦ocrelizumab⟧. Nell'ultimo anno ⟦due ricadute⟧, ⟦EDSS 4.0⟧, ⟦cammino max 300 m⟧ senza appoggio e ho ⟦incontinenza urinaria⟧. Ora ho un'⟦invalidità al 67%⟧."""),
    ("smartwatch-notte", """lo smartwatch stanotte mi ha dato ⟦frequenza a riposo 39⟧, ⟦SpO2 90%⟧ e ⟦sonno 4h05⟧ 😵‍💫 ieri sera avevo bevuto un po'. devo preoccuparmi o è il sensore?"""),
    ("csv-assenze", """Mi fai un riepilogo delle assenze per reparto?
matricola,cognome,nome,reparto,dal,al,giorni,causale
3312,Russo,Marco,Produzione,08/01/2024,19/01/2024,10,⟦Ernia inguinale - intervento⟧
3345,Ferri,Giulia,Amministrazione,15/01/2024,15/01/2024,1,Permesso L.104
3401,Conti,Luca,Magazzino,22/01/2024,26/01/2024,5,⟦Influenza⟧
3312,Russo,Marco,Produzione,05/02/2024,09/02/2024,5,⟦Complicanza post-operatoria⟧
3420,Marino,Sara,Produzione,12/02/2024,30/06/2024,100,Maternità"""),
    ("yaml-cartella-rsa", """paziente:
  codice: "RSA-0923"
  diagnosi:
    - ⟦demenza frontotemporale⟧
    - ⟦ipertensione arteriosa⟧
    - ⟦esiti di frattura di femore dx⟧ (2021)
  terapia:
    - farmaco: ⟦amlodipina⟧
      dose: ⟦5 mg⟧
      orario: "08:00"
    - farmaco: ⟦trazodone⟧
      dose: ⟦50 mg⟧
      orario: "21:00"
  mobilita: ⟦deambula con deambulatore⟧
  rischio_cadute: ⟦alto⟧
Trasformalo in una tabella per la consegna del turno"""),
    ("codeswitch-fibrillazione", """il mio ragazzo ha la ⟦fibrillazione atriale⟧ e il cardiologo dice che deve iniziare gli ⟦anticoagulanti⟧, but honestly he's only 38 e ha paura del rischio di sanguinamento. l'ablazione non è un'opzione alla sua età? ha anche l'⟦apnea notturna⟧ non trattata"""),
    ("lettera-dimissione-femore", """LETTERA DI DIMISSIONE – U.O. Ortopedia e Traumatologia
Gentile Collega,
dimettiamo in data odierna la sig.ra Anna M., 79 anni, ricoverata il 02/03 per ⟦frattura pertrocanterica femore sx⟧ a seguito di ⟦caduta accidentale⟧ a domicilio.
Anamnesi: ⟦ipertensione arteriosa⟧, ⟦FA parossistica⟧ in ⟦TAO con warfarin⟧ (sospeso all'ingresso, ⟦INR 2,8⟧), ⟦osteoporosi⟧ non trattata, ⟦ipoacusia bilaterale⟧.
Intervento: il 04/03 ⟦osteosintesi con chiodo endomidollare⟧ in anestesia spinale. Decorso complicato da ⟦anemia post-operatoria⟧ (⟦Hb 7,9 g/dl⟧) trattata con ⟦2 unità di emazie⟧, e da ⟦delirium⟧ notturno in 2a giornata.
Alla dimissione: ⟦deambulazione con girello⟧ e assistenza, carico concesso.
Terapia: ⟦enoxaparina 4000 UI sc⟧ per 35 giorni, poi ripresa del ⟦warfarin⟧ secondo INR; ⟦paracetamolo 1 g x 3⟧ al bisogno; ⟦colecalciferolo 25.000 UI⟧ ogni 2 settimane.
Controllo ambulatoriale con Rx a 30 giorni. ⟦Fisioterapia⟧ presso struttura riabilitativa.
→ Me la riassumi per la figlia in parole semplici?"""),
    ("typos-nonno-alzheimer", """mio nonno a l'⟦alzaimer⟧ e non vuole piu prendere le ⟦medicine⟧, le nasconde sotto il cuscino 😔 la badante non sa piu cosa fare. consigli??"""),
]

# Italian, negative.
IT_NEG: list[tuple[str, str]] = [
    ("figurato-mal-di-testa", """questo progetto mi fa venire il mal di testa, il cliente cambia idea ogni giorno. mi aiuti a scrivere una mail per congelare i requisiti fino a fine sprint?"""),
    ("bugiardino-tachipirina", """Riassumi il foglietto illustrativo: TACHIPIRINA 500 mg compresse. Indicazioni: febbre e dolori di varia natura (mal di testa, mal di denti, dolori mestruali). Adulti: 1-2 compresse, ripetendo se necessario dopo 4 ore, senza superare 3 g al giorno. Non usare in caso di grave insufficienza epatica. Raramente: reazioni cutanee."""),
    ("linee-guida-diabete", """Secondo le linee guida, la diagnosi di diabete si pone con glicemia a digiuno ≥ 126 mg/dl in due occasioni, HbA1c ≥ 48 mmol/mol (6,5%) o glicemia casuale ≥ 200 mg/dl con sintomi. Preparami una slide riassuntiva per un corso ECM."""),
    ("statistiche-istat", """Secondo i dati ISTAT, le malattie del sistema circolatorio restano la prima causa di morte in Italia, seguite dai tumori. Scrivimi un paragrafo introduttivo per una tesina senza aggiungere numeri che non ho."""),
    ("annuncio-oss", """Cercasi OSS per RSA in provincia di Bergamo, turni diurni e notturni. Mansioni: igiene e mobilizzazione degli ospiti, supporto all'alimentazione, prevenzione delle lesioni da pressione. Requisiti: attestato OSS. Rendi l'annuncio più accattivante per Indeed."""),
    ("animale-gatto-ipertiroidismo", """il mio gatto ha l'ipertiroidismo e il veterinario gli ha dato il Felimazole 2,5 mg due volte al giorno. è normale che vomiti un po' i primi giorni?"""),
    ("appunti-patologia", """Appunti di patologia generale – infiammazione acuta: segni cardinali (rubor, tumor, calor, dolor, functio laesa), fasi vascolare e cellulare, mediatori (istamina, prostaglandine, bradichinina). Fammi uno schema per il ripasso."""),
    ("codice-fhir-observation", """Mi controlli questo mapping?
def to_fhir_observation(loinc: str, value: float, unit: str, patient_ref: str) -> dict:
    return {"resourceType": "Observation", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": loinc}]},
            "subject": {"reference": patient_ref},
            "valueQuantity": {"value": value, "unit": unit}}"""),
    ("romanzo-zeno", """Per l'esame di letteratura: che ruolo hanno il fumo e il proposito dell'«ultima sigaretta» nella Coscienza di Zeno? Fammi una scaletta di 5 punti."""),
    ("notizia-west-nile", """Confermati in Veneto i primi casi umani di West Nile della stagione. L'ASL raccomanda zanzariere e repellenti, soprattutto al tramonto. Scrivi un post breve per la pagina Facebook del comune."""),
    ("domanda-colesterolo", """che differenza c'è tra colesterolo HDL e LDL? perché uno è «buono» e l'altro «cattivo»?"""),
    ("pubblicita-apparecchio-acustico", """Scopri OtoSense Mini: l'apparecchio acustico invisibile, ricaricabile, con app per regolare il volume. Prova gratuita di 30 giorni nei nostri centri. Fammi tre varianti dello slogan."""),
    ("domanda-abbreviazioni", """In una cartella clinica cosa vogliono dire APR, APP, EO, pz e «in terapia con»? Sto facendo un tirocinio in amministrazione ospedaliera."""),
    ("sport-frequenza-massima", """Quanto conta la frequenza cardiaca massima per impostare le zone di allenamento nel ciclismo? La formula 220 meno l'età è ancora valida?"""),
    ("figurato-malato-di-calcio", """sono malato di calcio e di statistiche 😅 mi aiuti a scrivere uno script Python che calcola gli expected goals da un CSV di tiri?"""),
]

# Dutch, positive.
NL_POS: list[tuple[str, str]] = [
    ("chat-vader-suikerziekte", """mijn vader heeft ⟦suikerziekte⟧ en sinds kort moet hij ook ⟦insuline spuiten⟧. hij woont alleen en vergeet het soms. zijn er apps of slimme pennen die mij een seintje geven als hij het vergeten is?"""),
    ("huisarts-soep-pneumonie", """Kun je dit omzetten naar een verwijsbrief voor de longarts?
S: mw. 54 jr, sinds 3 wk ⟦hoesten⟧, sinds 4 dagen ⟦koorts⟧ en ⟦pijn re thorax bij ademhalen⟧. ⟦Rookt 20 sig/dag⟧.
O: ⟦T 38,6⟧, ⟦AF 24/min⟧, ⟦sat 93%⟧, ⟦crepitaties re basaal⟧. ⟦CRP 142⟧.
E: ⟦pneumonie re onderkwab⟧.
P: ⟦amoxicilline 500 mg 3dd⟧ 5 dagen, controle na 2 dagen."""),
    ("apotheek-interactie", """Medicatiebewaking: dhr. gebruikt ⟦simvastatine 40 mg⟧ en krijgt nu ⟦claritromycine 500 mg 2dd⟧ voor een ⟦luchtweginfectie⟧ – interactie! Overlegd met huisarts, ⟦simvastatine⟧ tijdelijk gestopt. Patiënt meldt ook ⟦spierpijn⟧ in de bovenbenen."""),
    ("tandarts-extractie", """Element 47: ⟦diepe cariës⟧, ⟦apicale ontsteking⟧ op de foto. Keuze tussen wortelkanaalbehandeling en extractie – patiënt kiest ⟦extractie⟧. Let op: mw. gebruikt ⟦acenocoumarol⟧ (⟦INR 3,1⟧ vorige week), overleg trombosedienst. Kun je een korte brief aan de trombosedienst opstellen?"""),
    ("fysio-achilles", """Intake fysio: dhr. 38 jr, ⟦achillespeesklachten li⟧ sinds 4 mnd, ⟦ochtendstijfheid⟧, ⟦pijn bij hardlopen na 3 km⟧. ⟦Verdikking 2 cm boven insertie⟧. Conclusie: ⟦midportion achillestendinopathie⟧. Plan: excentrische oefeningen, loopschema afbouwen."""),
    ("opticien-oogdruk", """Oogmeting bij de opticien: R ⟦S -1,75 C -0,75 as 95⟧, L ⟦S -2,00 C -0,50 as 80⟧, ⟦add +2,00⟧. Oogdruk ⟦R 23 L 27 mmHg⟧ – advies om via de huisarts naar de oogarts te gaan. Mijn moeder had ook ⟦glaucoom⟧, moet ik me zorgen maken?"""),
    ("chat-ivf-traject", """we zitten in ons ⟦IVF-traject⟧, derde ⟦punctie⟧ gehad: 6 eicellen, maar maar ⟦1 embryo⟧ over op dag 5 😞 volgende week de ⟦terugplaatsing⟧. ik gebruik ⟦Utrogestan⟧ 3x daags. iemand tips om de wachttijd door te komen?"""),
    ("hr-verzuim-bedrijfsarts", """Mail aan de bedrijfsarts, graag netter formuleren: 'dhr. de Vries is sinds 4 maart ziek gemeld i.v.m. een ⟦hernia⟧, ⟦geopereerd⟧ op 20 maart. Hij zegt nog ⟦veel pijn in zijn been⟧ te hebben en ⟦slecht te slapen⟧. We willen graag weten wanneer re-integratie in aangepast werk (geen tillen) mogelijk is.' De Wet verbetering poortwachter kennen we."""),
    ("ggz-voortgang", """Voortgangsnotitie GGZ: cliënte (29) met ⟦PTSS⟧ na een overval, ⟦EMDR⟧ sessie 4 van 8. ⟦Nachtmerries⟧ verminderd van 5 naar 2 per week, ⟦herbelevingen⟧ bij het geluid van scooters. Gebruikt ⟦quetiapine 25 mg⟧ a.n. Geen suïcidaliteit."""),
    ("verslavingszorg-intake", """Verslavingszorg, intake: dhr. (45) met ⟦alcoholgebruiksstoornis⟧ (ernstig), drinkt ⟦12-15 eenheden per dag⟧, ⟦ontwenningsverschijnselen⟧ 's ochtends (⟦trillen⟧, ⟦zweten⟧). ⟦Leverwaarden verhoogd⟧ (⟦GGT 312⟧). Opname voor ⟦klinische detox⟧ gepland, daarna ambulante behandeling."""),
    ("jgz-mail-ouders", """Als jeugdverpleegkundige wil ik ouders een mail sturen na het gesprek over hun zoon (groep 7): ⟦BMI 24,8⟧ (⟦obesitas⟧ voor zijn leeftijd), ⟦snurkt⟧ veel en is ⟦overdag moe⟧. We adviseren een afspraak bij de huisarts en een verwijzing naar de kinderdiëtist. Kun je helpen met een vriendelijke toon?"""),
    ("verpleeghuis-rapportage", """Rapportage afdeling De Linde, avonddienst: mw. Jansen (kamer 4) ⟦onrustig⟧, ⟦roept veel⟧, ⟦weigert eten⟧. ⟦Temp 38,4⟧, ⟦urine sterk ruikend⟧ → ⟦urineweginfectie⟧? Dipstick ⟦nitriet pos⟧. SO gebeld, start ⟦nitrofurantoïne 100 mg 2dd⟧. Familie geïnformeerd."""),
    ("wijkverpleging-bezoek", """Wijkverpleging, bezoek 8:30 bij dhr. Bakker: ⟦steunkousen⟧ aangetrokken, ⟦wond li onderbeen⟧ verbonden, ⟦wondranden rood⟧. ⟦Bloedsuiker 17,2⟧ voor ontbijt, ⟦Novorapid 10 E⟧ gespoten. Dhr. zegt dat hij ⟦duizelig⟧ is bij opstaan. Collega middag: graag RR meten."""),
    ("chat-migraine-ziekmelding", """ik heb al 3 dagen ⟦migraine⟧ en mijn ⟦sumatriptan⟧ werkt niet meer 😩 mijn teamleider vraagt of ik morgen wél kan presenteren. help me een berichtje te schrijven dat ik me heb ziekgemeld zonder dat het zielig klinkt"""),
    ("uwv-wia-keuring", """Help me met mijn verhaal voor de WIA-keuring bij het UWV. Ik werk als verpleegkundige en ben sinds 2 jaar ziek door ⟦ME/CVS⟧ na een ⟦Pfeiffer-infectie⟧. Ik kan maximaal 2 uur per dag iets doen, daarna ⟦lig ik plat⟧. Ook ⟦prikkelgevoelig⟧ en ⟦concentratieproblemen⟧. Ik wil het eerlijk en concreet houden."""),
    ("wmo-traplift", """Kun je de Wmo-aanvraag voor een traplift voor mijn moeder netjes maken? Zij heeft ⟦COPD GOLD 4⟧, is ⟦zuurstofafhankelijk⟧ (⟦2 l/min⟧ continu) en ⟦kan de trap niet meer op⟧ zonder te stoppen. De slaapkamer en badkamer zitten boven. Ze woont in Zwolle."""),
    ("horloge-rusthartslag", """mijn horloge geeft vannacht ⟦rusthartslag 38⟧, ⟦HRV 112 ms⟧ en ⟦slaap 7u40⟧. ik ben 24 en fiets veel, maar 38 is wel laag toch? moet ik ermee naar de huisarts?"""),
    ("csv-verzuim", """Kun je het verzuimpercentage per team berekenen?
personeelsnr;naam;team;eerste ziektedag;hersteldatum;reden
5021;Anouk Visser;Klantenservice;08-01-2024;12-01-2024;⟦griep⟧
5044;Mehmet Yildiz;Logistiek;15-01-2024;;⟦gebroken enkel⟧
5078;Sanne de Boer;Klantenservice;22-01-2024;24-01-2024;⟦migraine⟧
5102;Ruud Smit;ICT;05-02-2024;;⟦overspannen⟧
5110;Fleur Peters;Logistiek;12-02-2024;13-02-2024;⟦buikgriep⟧"""),
    ("json-ecd-record", """Waarom wordt dit record niet geïmporteerd?
{"clientnummer": "Z-20931", "geboortejaar": 1941,
 "diagnoses": ["⟦ziekte van Parkinson⟧", "⟦orthostatische hypotensie⟧"],
 "medicatie": [{"naam": "⟦levodopa/carbidopa⟧", "dosering": "⟦100/25 mg 4dd⟧"},
               {"naam": "⟦fludrocortison⟧", "dosering": "⟦0,1 mg 1dd⟧"}],
 "valrisico": "⟦hoog⟧", "indicatie": "⟦VV 6⟧"}"""),
    ("codeswitch-schoonmoeder", """mijn schoonmoeder heeft ⟦borstkanker⟧, ze krijgt nu ⟦chemo⟧ (⟦AC-kuur⟧) and she's ⟦lost all her hair⟧. ik wil iets liefs sturen, any gift ideas that aren't flowers? ze is ⟦erg misselijk⟧ dus geen eten"""),
    ("ontslagbrief-cardiologie", """Ontslagbrief – afdeling Cardiologie
Geachte collega,
Op 12-03 ontslaan wij uw patiënt, dhr. P. van Dijk (71 jr), na opname van 07-03 t/m 12-03.
Reden van opname: ⟦acuut hartfalen⟧ bij ⟦nieuw ontdekt atriumfibrilleren⟧ met ⟦snelle ventrikelrespons⟧ (⟦150/min⟧).
Voorgeschiedenis: ⟦hypertensie⟧, ⟦DM type 2⟧, ⟦TIA⟧ 2019, ⟦THP li⟧ 2016.
Onderzoek: ⟦NT-proBNP 3.400 ng/l⟧, echo: ⟦LVEF 35%⟧, ⟦matige mitralisinsufficiëntie⟧.
Beleid: ⟦furosemide i.v.⟧, daarna oraal; ⟦rate control⟧ met ⟦metoprolol⟧; start ⟦apixaban 5 mg 2dd⟧ (⟦CHA2DS2-VASc 6⟧).
Medicatie bij ontslag: ⟦furosemide 40 mg 1dd⟧, ⟦metoprolol 100 mg 1dd⟧, ⟦apixaban 5 mg 2dd⟧, ⟦sacubitril/valsartan 24/26 mg 2dd⟧, ⟦metformine 500 mg 2dd⟧.
Afspraken: controle hartfalenpoli over 2 weken, lab (nierfunctie, kalium) over 1 week; dagelijks wegen.
Met collegiale groet,
→ Wil je dit vertalen naar begrijpelijk Nederlands voor zijn vrouw?"""),
    ("chat-zwanger-hyperemesis", """ik ben ⟦zwanger⟧ van de tweede 🤰 ⟦10 weken⟧, en ik ben zó ⟦misselijk⟧ dat ik amper kan werken. bij de eerste had ik ⟦hyperemesis⟧ en moest ik ⟦aan het infuus⟧. hoe vertel ik het mijn leidinggevende nu al zonder dat het hele kantoor het weet?"""),
]

# Dutch, negative.
NL_NEG: list[tuple[str, str]] = [
    ("slang-ziek-feature", """die nieuwe feature is echt ziek 🔥 maar de release notes zijn saai. kun je ze herschrijven zodat ze net zo hyped klinken?"""),
    ("bijsluiter-paracetamol", """Vat deze bijsluiter samen: Paracetamol 500 mg tabletten. Bij pijn en koorts. Volwassenen: 1 à 2 tabletten per keer, maximaal 6 tabletten per 24 uur, minimaal 4 uur tussen twee doses. Niet gebruiken bij ernstige leverproblemen. Gebruik niet langer dan 3 dagen bij koorts zonder overleg met een arts."""),
    ("standaard-hypertensie", """Volgens de standaard is er sprake van hypertensie bij een spreekkamerbloeddruk ≥ 140/90 mmHg, te bevestigen met thuis- of 24-uursmeting. Streefwaarde bij de meeste patiënten < 140 mmHg systolisch. Maak hier een overzichtelijke tabel van voor de POH-training."""),
    ("cijfers-vaccinatiegraad", """Volgens het RIVM is de vaccinatiegraad voor de BMR-prik bij jonge kinderen de afgelopen jaren gedaald tot onder de 90%. Schrijf een neutrale alinea voor een werkstuk over vaccinatietwijfel."""),
    ("vacature-doktersassistent", """Vacature: doktersassistent(e) voor een drukke huisartsenpraktijk in Utrecht, 24-32 uur. Je doet de telefonische triage, wondzorg, uitstrijkjes, oren uitspuiten en bloeddruk meten. Wij bieden een fijn team en een goede cao. Maak de tekst wat pakkender."""),
    ("dier-hond-heupdysplasie", """onze hond (herdersmix, 10 jaar) heeft heupdysplasie en krijgt van de dierenarts Rimadyl 50 mg, 2x per dag. hij loopt 's ochtends heel stijf. is er iets wat we zelf kunnen doen, zoals supplementen?"""),
    ("college-antistolling", """Collegeaantekeningen farmacologie – antistolling: VKA (acenocoumarol, fenprocoumon) vs DOAC (apixaban, rivaroxaban, dabigatran, edoxaban). INR-streefwaarde bij AF 2,0–3,0. Antidota: vitamine K, idarucizumab, andexanet alfa. Maak er flashcards van."""),
    ("openapi-medicatieregel", """Klopt deze OpenAPI-definitie voor ons ECD?
components:
  schemas:
    Medicatieregel:
      type: object
      required: [clientId, middel, dosering]
      properties:
        clientId: {type: string}
        middel: {type: string, description: "G-standaard naam"}
        dosering: {type: string, example: "<dosering>"}
        startdatum: {type: string, format: date}"""),
    ("roman-turks-fruit", """In ‘Turks fruit’ krijgt Olga een hersentumor; hoe bouwt Wolkers die wending op? Schrijf een alinea voor mijn leesclub, zonder het einde te verklappen."""),
    ("nieuws-kinkhoest", """Het aantal kinkhoestgevallen in Nederland is dit jaar sterk gestegen, meldt het RIVM. Zwangeren krijgen de 22-wekenprik aangeboden om hun baby te beschermen. Herschrijf dit als kort bericht voor het intranet van de kinderopvang."""),
    ("vraag-hartstilstand", """Wat is eigenlijk het verschil tussen een hartinfarct en een hartstilstand? En wanneer gebruik je een AED?"""),
    ("reclame-melatonine", """Nieuw bij de drogist: SlaapWel melatonine 0,1 mg smelttabletjes – helpt bij sneller inslapen, ook bij jetlag. Niet geschikt voor kinderen. Schrijf 3 korte advertentieteksten."""),
    ("vraag-afkortingen", """Wat betekenen afkortingen als mw., dhr., i.v.m., 3dd, a.n. en SO in een rapportage uit het verpleeghuis? Ik ben nieuw als secretaresse."""),
    ("sport-hoogtetraining", """Hoe werkt hoogtetraining precies? Klopt het dat je lichaam meer rode bloedcellen aanmaakt en dat het effect na een paar weken weer verdwijnt?"""),
    ("figuurlijk-ziek-van-vergaderingen", """ik word ziek van die eindeloze vergaderingen 🙄 geef me een voorstel voor een nieuw overlegritme met max 2 meetings per week"""),
]

# Portuguese (Portugal and Brazil), positive.
PT_POS: list[tuple[str, str]] = [
    ("chat-mae-insulina", """a minha mãe tem ⟦diabetes⟧ há 15 anos e agora a médica de família disse que tem de começar a ⟦insulina⟧. ela está cheia de medo das agulhas 😢 como é que lhe posso explicar que a ⟦caneta⟧ quase não dói?"""),
    ("nota-entrada-su", """Podes reescrever isto como nota de entrada mais legível?
Doente do sexo masculino, 71 anos. AP: ⟦HTA⟧, ⟦DM tipo 2⟧, ⟦FA⟧ hipocoagulado com ⟦varfarina⟧, ⟦DPOC⟧. Sem alergias conhecidas.
Recorre ao SU por ⟦dispneia⟧ e ⟦tosse com expetoração purulenta⟧ com 3 dias de evolução.
Ao exame: ⟦SpO2 87% em ar ambiente⟧, ⟦FR 26 cpm⟧, ⟦fervores crepitantes na base direita⟧, ⟦TA 100/58 mmHg⟧.
Analiticamente: ⟦PCR 21 mg/dl⟧, ⟦leucocitose 18 000⟧, ⟦INR 4,2⟧.
Hipótese diagnóstica: ⟦pneumonia adquirida na comunidade⟧, ⟦DPOC agudizada⟧."""),
    ("farmacia-losartana", """Receita: ⟦losartana 50 mg⟧ 1x ao dia, ⟦sinvastatina 20 mg⟧ à noite. Paciente relata ⟦tontura⟧ ao levantar e que tomou ⟦dipirona⟧ por conta própria para ⟦dor de cabeça⟧. Orientado a medir a pressão em casa e procurar a UBS."""),
    ("dentista-abcesso", """Dente 46: ⟦cárie profunda⟧, ⟦dor à percussão⟧, ⟦abcesso periapical⟧ no RX. Plano: ⟦desvitalização⟧ em 2 consultas. Utente ⟦grávida de 28 semanas⟧ e com ⟦alergia à amoxicilina⟧ – prescrita ⟦azitromicina 500 mg⟧ 3 dias após contacto com a obstetra."""),
    ("fisio-lombar", """Avaliação fisioterapêutica: paciente 42 anos, ⟦dor lombar crônica⟧ há 2 anos, ⟦hérnia de disco L5-S1⟧ em ressonância, ⟦parestesia em MIE⟧. ⟦Teste de Lasègue positivo à esquerda⟧ a 45°. Conduta: 10 sessões, ⟦RPG⟧ e fortalecimento de core."""),
    ("oftalmo-avo", """Consulta de oftalmologia do meu avô: ⟦degenerescência macular⟧ húmida no olho esquerdo, ⟦acuidade visual 2/10⟧ OE. Vai começar ⟦injeções intravítreas⟧ mensais. Ele pode conduzir até ao hospital ou é melhor não?"""),
    ("chat-fertilidade-inseminacao", """eu e minha esposa estamos fazendo ⟦inseminação⟧ com doador, já foi a segunda tentativa e deu negativo de novo 😔 a médica dela disse que a ⟦reserva ovariana está baixa⟧ (⟦AMH 0,9⟧). vale a pena ir direto pra ⟦FIV⟧?"""),
    ("rh-gravida-ajustes", """Olá, sou de RH numa empresa de call center em Lisboa. Uma colaboradora informou que está ⟦grávida de 5 meses⟧ e tem ⟦hipertensão gestacional⟧, e a obstetra recomenda pausas frequentes e não fazer turnos noturnos. Como redijo a resposta a confirmar os ajustes, respeitando a confidencialidade?"""),
    ("caps-evolucao", """Evolução CAPS: usuária de 36 anos com ⟦transtorno depressivo recorrente⟧ e ⟦transtorno de ansiedade generalizada⟧. Em uso de ⟦fluoxetina 40 mg⟧ e ⟦clonazepam 0,5 mg⟧ à noite. Relata ⟦insônia inicial⟧ e ⟦crises de choro⟧. Nega ideação suicida. Mantém acompanhamento semanal com psicóloga."""),
    ("dependencias-registo", """Registo CRI: utente em ⟦programa de substituição opiácea⟧ com ⟦metadona 50 mg/dia⟧, toma observada na farmácia. Refere ⟦consumos de álcool⟧ ao fim de semana e ⟦recaída em heroína fumada⟧ há 15 dias. ⟦VHC positivo⟧ – encaminhado para infecciologia."""),
    ("saude-escolar-nota", """Sou enfermeira de saúde escolar. Preciso de um plano para um aluno do 5.º ano com ⟦epilepsia⟧ (⟦crises de ausência⟧ várias vezes por dia) que toma ⟦ácido valproico⟧, e para uma aluna com ⟦doença celíaca⟧. Ajuda-me a escrever uma nota curta para os professores do conselho de turma."""),
    ("erpi-registo-noite", """Registo de enfermagem ERPI, turno da noite: Sr. Joaquim ⟦confuso⟧ e ⟦agitado⟧, tentou sair do quarto às 3h. ⟦Glicemia capilar 58 mg/dl⟧ → dado sumo e bolachas, reavaliação ⟦112 mg/dl⟧. ⟦Úlcera de pressão no calcâneo esquerdo⟧ categoria 2, penso feito. Informar o médico de manhã sobre as ⟦hipoglicemias⟧ repetidas."""),
    ("visita-domiciliar", """Visita domiciliar: Dona Maria, 88 anos, ⟦acamada⟧ após ⟦AVC⟧, ⟦traqueostomizada⟧, alimentação por ⟦sonda nasoenteral⟧. ⟦Lesão sacral estágio 3⟧ com ⟦tecido de granulação⟧. Cuidadora orientada sobre mudança de decúbito de 2/2h. ⟦PA 150/90⟧, ⟦SatO2 93%⟧."""),
    ("chat-atestado-dengue", """tô de atestado por ⟦dengue⟧, ⟦febre de 39⟧ e ⟦dor no corpo⟧ inteiro 🥵 meu gerente quer que eu entre numa call amanhã. me ajuda a escrever uma msg educada dizendo que não vou conseguir? e o médico mandou tomar só ⟦dipirona⟧, nada de ibuprofeno né?"""),
    ("seguro-reembolso-joelho", """Preciso de ajuda para preencher o pedido de reembolso do seguro de saúde: ⟦artroscopia ao joelho direito⟧ a 14/02 por ⟦rotura do menisco interno⟧, seguida de 15 sessões de ⟦fisioterapia⟧. O seguro diz que falta o relatório médico com o diagnóstico. Como peço isso ao ortopedista?"""),
    ("incapacidade-multiusos", """A minha irmã tem ⟦esclerose múltipla⟧ e o atestado multiuso dá ⟦60% de incapacidade⟧. Ela usa ⟦canadianas⟧ e às vezes ⟦cadeira de rodas⟧. Que benefícios fiscais e apoios pode pedir em Portugal? Ajuda-me a fazer uma lista."""),
    ("relogio-venlafaxina", """meu relógio mostrou ⟦frequência cardíaca em repouso 102⟧ a semana toda e ⟦sono 4h30⟧ por noite 😬 tô tomando ⟦venlafaxina⟧ há um mês, pode ser isso? ou é ⟦ansiedade⟧ mesmo?"""),
    ("csv-baixas", """Consegues fazer um resumo das baixas por departamento?
n_func;nome;departamento;inicio;fim;dias;motivo
1021;Ana Rodrigues;Vendas;08/01/2024;12/01/2024;5;⟦Gripe A⟧
1045;Rui Carvalho;Armazém;15/01/2024;29/02/2024;46;⟦Tendinite do ombro⟧
1063;Inês Matos;Contabilidade;05/02/2024;05/02/2024;1;Assistência a filho
1077;Tiago Lopes;Armazém;12/02/2024;16/02/2024;5;⟦Lombalgia⟧
1090;Sofia Pinto;Vendas;04/03/2024;;;Licença parental"""),
    ("json-prontuario", """Por que essa API rejeita o payload?
{
  "prontuario": "PR-77812",
  "idade": 58,
  "comorbidades": ["⟦hipertensão⟧", "⟦obesidade grau II⟧", "⟦apneia do sono⟧"],
  "medicamentos": [
    {"nome": "⟦anlodipino⟧", "dose": "⟦10 mg⟧", "frequencia": "1x/dia"},
    {"nome": "⟦semaglutida⟧", "dose": "⟦1 mg⟧", "frequencia": "semanal"}
  ],
  "imc": ⟦37.4⟧,
  "alergias": "nenhuma"
}"""),
    ("codeswitch-quimio", """my mom tem ⟦câncer de mama⟧ e começou a ⟦quimio⟧ semana passada, she's been ⟦super nauseous⟧ e ⟦sem apetite⟧. que comidas ajudam com o ⟦enjoo⟧? ela não come quase nada desde segunda"""),
    ("nota-alta-pacemaker", """NOTA DE ALTA – Serviço de Medicina Interna
Utente: sexo feminino, 76 anos. Internamento de 03/10 a 11/10.
Motivo de internamento: ⟦síncope⟧ no domicílio com ⟦traumatismo craniano ligeiro⟧.
Antecedentes: ⟦HTA⟧, ⟦diabetes mellitus tipo 2⟧ insulinotratada, ⟦doença renal crónica estádio 3b⟧, ⟦hipotiroidismo⟧, ⟦síndrome depressiva⟧.
Investigação: ECG com ⟦BAV do 2.º grau Mobitz II⟧; Holter com ⟦pausas até 4,2 s⟧. TC-CE sem lesões agudas. ⟦Hemoglobina 10,8 g/dl⟧, ⟦creatinina 1,9 mg/dl⟧, ⟦HbA1c 8,1%⟧.
Procedimentos: ⟦implantação de pacemaker definitivo DDD⟧ a 07/10, sem intercorrências.
Medicação à data da alta: ⟦insulina glargina 16 U⟧ ao deitar, ⟦levotiroxina 75 µg⟧ em jejum, ⟦sertralina 50 mg⟧, ⟦amlodipina 5 mg⟧; suspenso o ⟦bisoprolol⟧.
Recomendações: consulta de pacing em 1 mês; evitar esforços com o braço esquerdo durante 4 semanas.
→ Explica-me isto em linguagem simples para eu contar aos meus irmãos, é a nossa mãe."""),
    ("typos-avo-alzheimer", """meu vô tá com ⟦alzaimer⟧ e essa semana ⟦nao reconheceu minha mae⟧ 😭 ele toma ⟦donepezila⟧ mas parece q nao adianta nada. tem alguma coisa q a gente possa fazer em casa?"""),
]

# Portuguese, negative.
PT_NEG: list[tuple[str, str]] = [
    ("figurado-cabeca", """este relatório está a dar-me cabo da cabeça, já refiz as fórmulas três vezes. Podes ajudar-me a perceber porque é que o PROCV devolve #N/D?"""),
    ("bula-dipirona", """Resume essa bula pra mim: Dipirona monoidratada 500 mg. Indicações: analgésico e antitérmico. Adultos e adolescentes acima de 15 anos: 1 a 2 comprimidos até 4 vezes ao dia. Contraindicações: alergia à dipirona, alterações da medula óssea, deficiência de G6PD. Reações possíveis: queda de pressão, reações alérgicas."""),
    ("norma-diabetes", """Segundo a norma, o diagnóstico de diabetes faz-se com glicemia em jejum ≥ 126 mg/dl, ou HbA1c ≥ 6,5%, ou glicemia ocasional ≥ 200 mg/dl com sintomas. Transforma isto num fluxograma para a formação dos enfermeiros."""),
    ("estatistica-cardiovascular", """Segundo o Ministério da Saúde, as doenças cardiovasculares são a principal causa de morte no Brasil. Escreve um parágrafo de introdução para um TCC sem inventar números."""),
    ("vaga-tecnico-enfermagem", """Vaga: técnico(a) de enfermagem para clínica de oncologia em Campinas. Atividades: administração de quimioterapia sob supervisão, punção de cateter, controle de sinais vitais. Requisitos: COREN ativo, experiência em oncologia. Deixa o anúncio mais atrativo."""),
    ("animal-gato-diabetes", """O meu gato tem diabetes e o veterinário receitou insulina Caninsulin, 2 unidades duas vezes por dia. Como é que o consigo picar sem ele fugir? Ele fica todo assustado."""),
    ("apontamentos-choque", """Apontamentos de Fisiopatologia – choque: hipovolémico, cardiogénico, distributivo (séptico, anafilático, neurogénico) e obstrutivo. Sinais: hipotensão, taquicardia, oligúria, lactato > 2 mmol/l. Faz-me 8 perguntas de escolha múltipla."""),
    ("codigo-typescript", """Esse tipo TypeScript está bom para o app da clínica?
type Prescricao = {
  pacienteId: string;
  medicamento: string;
  posologia: string;
  via: "oral" | "IV" | "IM" | "SC";
  inicio: Date;
};"""),
    ("romance-ensaio-cegueira", """No romance «Ensaio sobre a Cegueira», de Saramago, uma epidemia de cegueira branca espalha-se pela cidade. Que leitura política se pode fazer da quarentena no manicómio? Ajuda-me com a introdução do trabalho."""),
    ("noticia-sarampo", """A DGS confirmou novos casos de sarampo em Portugal e recomenda verificar o boletim de vacinas, sobretudo antes de viagens. Escreve um post curto para a página da junta de freguesia."""),
    ("pergunta-gripe-covid", """qual a diferença entre gripe e covid? os sintomas são muito parecidos né?"""),
    ("marketing-oximetro", """Conheça o OxiCheck: oxímetro de dedo com ecrã OLED, mede SpO2 e pulsação em 8 segundos. Ideal para desportistas e para acompanhar a saúde em casa. Escreve três slogans para a montra da farmácia."""),
    ("pergunta-abreviaturas", """O que querem dizer AP, SU, utente, doente, «sem alergias conhecidas» e PCR numa nota de entrada? Estou a traduzir para inglês."""),
    ("desporto-maratonistas", """Porque é que os maratonistas costumam ter frequência cardíaca em repouso tão baixa? É sempre bom sinal ou pode ser perigoso?"""),
    ("figurado-reuniao-parto", """essa reunião foi um parto 😩 três horas pra decidir a cor do botão. me ajuda a escrever um resumo curto das decisões pro time?"""),
]
# fmt: on

SETS: dict[tuple[str, str], list[tuple[str, str]]] = {
    ("en", POSITIVE): EN_POS,
    ("en", NEGATIVE): EN_NEG,
    ("de", POSITIVE): DE_POS,
    ("de", NEGATIVE): DE_NEG,
    ("fr", POSITIVE): FR_POS,
    ("fr", NEGATIVE): FR_NEG,
    ("es", POSITIVE): ES_POS,
    ("es", NEGATIVE): ES_NEG,
    ("it", POSITIVE): IT_POS,
    ("it", NEGATIVE): IT_NEG,
    ("nl", POSITIVE): NL_POS,
    ("nl", NEGATIVE): NL_NEG,
    ("pt", POSITIVE): PT_POS,
    ("pt", NEGATIVE): PT_NEG,
}


def unmark(marked: str) -> tuple[str, list[tuple[int, int]], list[str]]:
    """Strip the span markers; return the text, the span offsets and the marked strings."""
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    wanted: list[str] = []
    cursor = 0
    length = 0
    for found in MARKED.finditer(marked):
        before = marked[cursor : found.start()]
        inner = found.group(1)
        pieces.extend((before, inner))
        start = length + len(before)
        spans.append((start, start + len(inner)))
        wanted.append(inner)
        length = start + len(inner)
        cursor = found.end()
    pieces.append(marked[cursor:])
    return "".join(pieces), spans, wanted


def build() -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    templates: set[str] = set()
    texts: set[str] = set()
    for (lang, group), items in SETS.items():
        for slug, marked in items:
            template = f"{lang}-{group[:3]}-{slug}"
            text, spans, wanted = unmark(marked.strip())
            assert template not in templates, template
            assert text not in texts, template
            assert OPEN not in text, template
            assert CLOSE not in text, template
            assert bool(spans) == (group == POSITIVE), template
            for (start, end), inner in zip(spans, wanted, strict=True):
                assert text[start:end] == inner, template
                assert inner == inner.strip(), template
            templates.add(template)
            texts.add(text)
            rows.append(
                {
                    "text": text,
                    "spans": [{"kind": KIND, "start": s, "end": e} for s, e in spans],
                    "lang": lang,
                    "format": FORMAT,
                    "group": group,
                    "template": template,
                }
            )
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    cells = Counter((row["group"], row["lang"], row["format"]) for row in rows)
    spans = Counter(row["lang"] for row in rows for _ in row["spans"])
    print(f"wrote {len(rows)} texts to {OUT.name}")
    print(f"{'group':<10}{'lang':<6}{'format':<8}{'texts':>6}")
    for (group, lang, fmt), count in sorted(cells.items()):
        print(f"{group:<10}{lang:<6}{fmt:<8}{count:>6}")
    for group in (POSITIVE, NEGATIVE):
        print(f"{group}: {sum(n for key, n in cells.items() if key[0] == group)}")
    print("spans per lang: " + ", ".join(f"{k} {v}" for k, v in sorted(spans.items())))


if __name__ == "__main__":
    main()
