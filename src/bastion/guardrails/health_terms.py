"""The words of health information, for ``health.py``: conditions, medicines, procedures and
results (what is said), and the cues that tie them to one person (of whom it is said).

Written for the project from general medical vocabulary in en/de/fr/es/it/nl/pt. A word ending
in ``*`` is a stem: it matches a word that begins with it (``diabet*``: diabetes, Diabetiker,
diabético). The others match whole words. Letters are as the scan folds them: lower case,
accents kept (``dépressi*``).

The hand-kept lists below hold the words the rules were tuned with; ``data/health_lexicon.txt``
adds some 3,100 more of the same kinds (specialities, everyday names, local brand names of
medicines), whole words only: ``LEXICON``.
"""

from __future__ import annotations

import sys
from pathlib import Path


def _lexicon() -> dict[str, tuple[str, ...]]:
    """The lexicon's terms by kind (``condition``, ``medicine``, ``procedure``)."""
    found: dict[str, list[str]] = {"condition": [], "medicine": [], "procedure": []}
    path = Path(__file__).with_name("data") / "health_lexicon.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, _, term = line.split("\t")
            found[kind].append(sys.intern(term))  # held once with its folded keyword
    return {kind: tuple(terms) for kind, terms in found.items()}


LEXICON = _lexicon()

# fmt: off

# Diagnoses and conditions, mental health and disabilities included.
CONDITIONS: tuple[str, ...] = (
    # metabolic, endocrine
    "diabet*", "diabète", "prediabet*", "prédiabète", "insulin resistance",
    "hypothyroid*", "hyperthyroid*", "hypothyreose", "hyperthyreose", "hypothyroïdie",
    "hyperthyroïdie", "hipotiroidismo", "hipertiroidismo", "ipotiroidismo", "ipertiroidismo",
    "hashimoto*", "graves' disease", "morbus basedow", "obesity", "adipositas", "obésité",
    "obesidad", "obesità", "obesitas", "obesidade", "gout", "gicht", "jicht", "pcos", "sopk",
    "polycystic ovar*", "endometrios*", "endométriose", "osteoporos*", "ostéoporose",
    # cardiovascular
    "hypertension", "hypertensi*", "hypertonie", "hypertensie", "hipertensi*", "ipertensi*",
    "high blood pressure", "bluthochdruck", "tension artérielle", "hoge bloeddruk", "heart attack",
    "herzinfarkt", "infarctus", "infarto", "hartinfarct", "hartaanval", "myocardial infarction",
    "stemi", "nstemi", "atrial fibrillation", "afib", "a-fib", "vorhofflimmern",
    "fibrillation auriculaire", "fibrilación auricular", "fibrillazione atriale",
    "boezemfibrilleren", "fibrilhação auricular", "heart failure", "herzinsuffizienz",
    "insuffisance cardiaque", "insuficiencia cardíaca", "insuficiencia cardiaca",
    "insuficiência cardíaca", "scompenso cardiaco", "hartfalen", "angina", "angina pectoris",
    "arrhythmi*", "arrhythmie", "arritmia", "aritmia", "coronary artery disease", "khk",
    "koronare herzkrankheit", "cardiopath*", "stroke", "schlaganfall", "apoplex", "avc", "ictus",
    "beroerte", "herseninfarct", "cva", "deep vein thrombosis", "dvt", "thrombos*", "thrombose",
    "trombosis", "trombosi", "trombose", "pulmonary embolism", "lungenembolie",
    "embolie pulmonaire", "embolia pulmonar", "embolia polmonare", "longembolie",
    # respiratory, infections
    "asthm*", "asma", "copd", "bpco", "dpoc", "emphysem*", "enfisema", "pneumonia", "pneumonie",
    "lungenentzündung", "neumonía", "polmonite", "longontsteking", "tuberculos*", "tuberkulose",
    "tuberculose", "tubercolosi", "covid*", "long covid", "sepsis", "septicemia", "sepsi",
    "urinary tract infection", "harnwegsinfekt*", "infection urinaire", "infección urinaria",
    "infezione urinaria", "blaasontsteking", "infeção urinária", "cystitis", "zystitis", "cystite",
    "cistitis", "cistite", "mrsa", "influenza", "grippe", "shingles", "herpes zoster",
    "gürtelrose", "mononucleos*", "pfeiffer*",
    # sexual health, blood-borne
    "hiv", "hiv+", "hiv-positiv*", "vih", "aids", "sida", "hepatitis", "hépatite", "hepatite",
    "epatite", "hep b", "hep c", "hbv", "hcv", "chlamydi*", "gonorrh*", "gonorrea", "gonorreia",
    "tripper", "syphil*", "sífilis", "sifilide", "herpes", "hpv", "genital warts", "genitalwarzen",
    "condylom*", "sexually transmitted",
    # cancer
    "cancer*", "krebs", "krebserkrank*", "cáncer", "cancro", "kanker", "carcinom*", "carcinoma",
    "tumor*", "tumour*", "tumeur*", "tumore", "lymphom*", "linfoma", "leukemi*", "leukaemi*",
    "leukämie", "leucémie", "leucemia", "melanom*", "sarcom*", "myelom*", "mieloma", "metasta*",
    "metástasis", "metastasi", "glioblastom*", "neoplas*", "malignan*", "brca1", "brca2", "brca",
    # mental health, neurodevelopment, substance use
    "depressi*", "dépressi*", "depresi*", "depressão", "depressione", "depressie",
    "major depressive", "anxiety", "anxiety disorder", "angststörung", "panikstörung",
    "trouble anxieux", "anxiété", "ansiedad", "ansia", "ansiedade", "angststoornis",
    "panic attack*", "panic disorder", "panikattack*", "crise d'angoisse", "attaque de panique",
    "ataque de pánico", "ataques de pánico", "attacchi di panico", "attacco di panico",
    "paniekaanval*", "ataque de pânico", "ataques de pânico", "ptsd", "ptbs", "tspt", "tept",
    "ptss", "post-traumatic", "posttraumati*", "bipolar*", "bipolaire", "bipolare", "schizophren*",
    "schizofren*", "esquizofren*", "schizoaffective", "psychos*", "psychot*", "psicosi", "psicose",
    "psicosis", "psychose", "eating disorder", "essstörung", "trouble alimentaire",
    "trastorno alimentario", "disturbo alimentare", "eetstoornis", "anorexi*", "anoressia",
    "anorexia", "bulimi*", "adhd", "adhs", "tdah", "autis*", "autisme", "autismo", "asperger*",
    "ocd", "zwangsstörung", "obsessive-compulsive", "burnout", "burn-out",
    "borderline personality", "borderline disorder", "borderline-störung", "personality disorder",
    "persönlichkeitsstörung", "suicidal*", "suicide attempt", "suizidal*", "suizidversuch",
    "tentative de suicide", "intento de suicidio", "tentato suicidio", "zelfmoordpoging",
    "tentativa de suicídio", "self-harm", "selbstverletz*", "automutilation", "autolesi*",
    "zelfbeschadiging", "alcoholism", "alcoholic", "alcohol use disorder", "alcohol dependence",
    "alkoholabh*", "alkoholsucht", "alkoholiker*", "alcoolisme", "alcoolique", "alcoholismo",
    "alcolismo", "alcoholisme", "alcoolismo", "opioid use disorder", "opioid dependence",
    "substance use", "drogenabh*", "toxicoman*", "addiction", "heroin", "cocaine addiction",
    "dementia", "demenz", "démence", "demencia", "demenza", "dementie", "demência", "alzheimer*",
    "parkinson*", "multiple sclerosis", "multiple sklerose", "sclérose en plaques",
    "esclerosis múltiple", "sclerosi multipla", "multiple sclerose", "esclerose múltipla",
    "epilep*", "épilep*", "seizure*", "krampfanf*", "convuls*", "migraine*", "migräne", "migraña",
    "emicrania", "enxaqueca", "concussion", "gehirnerschütterung", "commotion cérébrale",
    "conmoción cerebral", "hersenschudding", "commozione cerebrale", "concussão",
    # digestive, kidney, liver, autoimmune, musculoskeletal
    "crohn*", "ulcerative colitis", "colitis ulcerosa", "colite ulcéreuse", "rectocolite",
    "colite ulcerosa", "colitis", "ibs", "irritable bowel", "reizdarm*", "celiac", "coeliac",
    "zöliakie", "maladie cœliaque", "maladie coeliaque", "celiaquía", "celiachia", "coeliakie",
    "doença celíaca", "cirrhos*", "cirrose", "cirrosis", "cirrosi", "leberzirrhose", "fatty liver",
    "fettleber", "kidney disease", "ckd", "niereninsuff*", "insuffisance rénale",
    "insuficiencia renal", "insufficienza renale", "nierfalen", "nierinsufficiëntie",
    "insuficiência renal", "kidney stone*", "nierenstein*", "lupus", "rheumatoid arthritis",
    "rheumatoide arthritis", "polyarthrite rhumatoïde", "artritis reumatoide",
    "artrite reumatoide", "reumatoïde artritis", "rheuma*", "arthritis", "arthrose", "artrosis",
    "artrosi", "artrose", "osteoarthritis", "psoriasis", "psoriasi", "psoríase", "fibromyalgi*",
    "fibromialgia", "herniated disc", "bandscheibenvorfall", "hernie discale", "hernia discal",
    "ernia del disco", "hernia", "sciatica", "ischias", "sciatique", "ciática", "sciatica",
    # blood, genetic, disability
    "anemia", "anaemia", "anämie", "anémie", "anemie", "sickle cell", "sichelzell*",
    "drépanocytose", "drepanocitosis", "thalassemi*", "thalassaemi*", "talassemia", "hemophili*",
    "haemophili*", "hämophilie", "hémophilie", "hemofilia", "emofilia", "cystic fibrosis",
    "mukoviszidose", "mucoviscidose", "fibrosis quística", "fibrosi cistica", "taaislijmziekte",
    "fibrose quística", "down syndrome", "down-syndrom", "trisomie", "trisomía", "trisomia",
    "cerebral palsy", "zerebralparese", "infirmité motrice cérébrale", "parálisis cerebral",
    "paralisi cerebrale", "paralisia cerebral", "spina bifida", "paraplegi*", "tetraplegi*",
    "quadriplegi*", "paraplégi*", "tétraplégi*",
    # pregnancy and reproduction
    "pregnan*", "schwanger*", "enceinte", "grossesse", "embarazada", "embarazo", "incinta",
    "gravidanza", "zwanger*", "grávida", "gravidez", "miscarriage", "fehlgeburt", "fausse couche",
    "aborto espontáneo", "aborto spontaneo", "miskraam", "abortion", "abtreibung",
    "schwangerschaftsabbruch", "ivg", "interruption volontaire de grossesse",
    "interrupción voluntaria del embarazo", "interruzione volontaria di gravidanza", "abortus",
    "ivf", "in vitro fertili*", "infertility", "unfruchtbar*", "infertilité", "infertilidad",
    "infertilità", "onvruchtbaar*", "infertilidade", "postpartum", "post-partum", "preeclampsia",
    "präeklampsie", "prééclampsie", "preeclampsia", "gestational diabetes",
    "schwangerschaftsdiabetes",
    # common acute conditions, injuries, senses
    "bronchitis", "bronchite", "bronquitis", "bronchiolit*", "appendicitis", "appendizitis",
    "appendicite", "apendicitis", "appendicite", "blinddarmentzündung", "gallstone*",
    "gallenstein*", "calculs biliaires", "cálculos biliares", "calcoli biliari", "galstenen",
    "cholecystit*", "cholezystitis", "colecistit*", "fracture*", "fractured", "fraktur*",
    "fractura", "fracturas", "frattura", "fratture", "fratturat*", "breuk", "fratura", "fraturas",
    "fraturou", "fracturó", "gebrochen", "broken arm", "broken leg", "broken wrist",
    "broken ankle", "dyslexi*", "legasthenie", "dyslexie", "dislexia", "dislessia", "discalculia",
    "dyscalculi*", "dyskalkulie", "dyspraxi*", "tonsillit*", "mandelentzündung", "amigdalitis",
    "tonsillite", "sinusit*", "sinusite", "sinusitis", "rinosinusite", "otitis", "otite",
    "gastroenterit*", "gastro-enterit*", "magen-darm", "cataract*", "katarakt", "cataracte",
    "catarata", "cataratta", "glaucom*", "glaukom", "macular degeneration", "makuladegeneration",
    "delirium", "delir", "délire", "delirio", "delier", "delirant*", "hallucinat*",
    "halluzination*", "allucinazion*", "alucinacion*", "tinnitus", "acufeni", "acúfenos",
    "sleep apnea", "sleep apnoea", "schlafapnoe", "apnée du sommeil", "apnea del sueño",
    "apnea notturna", "slaapapneu", "apneia do sono", "carpal tunnel", "karpaltunnel*",
    "canal carpien", "túnel carpiano", "tunnel carpale", "carpaletunnel*", "túnel cárpico",
    "meniscus", "meniskus*", "ménisque", "menisco", "meniscushecht*", "kreuzband*",
    "ligament croisé", "ligamento cruzado", "legamento crociato", "kruisband*", "concussion",
    "whiplash", "schleudertrauma", "hiatal hernia", "hiatus hernia", "reflux", "ulcer", "ulcus",
    "ulcère", "úlcera", "ulcera", "zweer", "acne", "akne", "eczema", "ekzem", "eczéma", "eccema",
    "neurodermitis", "urticaria", "nesselsucht", "shingles", "pericoronarit*", "periodontit*",
    "parodontit*", "gingivit*", "caries", "karies", "carie", "cárie", "cárie dentária",
    "prostatitis", "prostatit*", "incontinen*", "dysuria", "dysurie", "disuria", "haematuria",
    "hematuria", "hämaturie", "hématurie", "ematuria", "anemia ferropénica", "ijzergebrek*",
    "iron deficiency", "eisenmangel", "carence en fer", "carenza di ferro", "ferropenia",
    "deficiência de ferro", "prikkelbare darm", "hfref", "hfpef", "mamma-ca", "radiatio",
    "rezidiv*", "récidive*", "recidiva", "recidief", "recidiv*", "hyperactivit*", "hyperaktiv*",
    "hiperatividade", "hiperactividad", "iperattività", "défice de atenção", "déficit de atención",
    "deficit di attenzione", "aandachtstekort*", "aufmerksamkeitsdefizit*",
    "déficit de l'attention", "attention deficit", "psychiatr*", "psiquiatr*", "psichiatr*",
    "psychiater", "gallbladder", "gallenblase", "vésicule biliaire", "vesícula biliar",
    "colecisti", "galblaas", "vesícula",
    # symptoms as a note records them
    "cough", "coughing", "husten", "toux", "tos", "tosse", "hoest", "hoesten", "fever", "fieber",
    "fièvre", "fiebre", "febbre", "febbricola", "koorts", "febre", "nausea", "nauseous",
    "übelkeit", "nausées", "náuseas", "náusea", "misselijk*", "vomiting", "vomited", "erbrechen",
    "vomissement*", "vómito*", "vomito", "braken", "diarrh*", "durchfall", "diarrea", "diarree",
    "diarreia", "constipation", "verstopfung", "estreñimiento", "stitichezza", "verstopping",
    "obstipatie", "obstipation", "obstipação", "headache*", "kopfschmerz*", "maux de tête",
    "mal de tête", "céphalée*", "dolor de cabeza", "cefalea", "cefaleia*", "mal di testa",
    "hoofdpijn", "dor de cabeça", "dizziness", "dizzy", "schwindel", "vertige*", "mareo*",
    "vértigo*", "vertigin*", "duizelig*", "tontura*", "fatigue", "exhaustion", "erschöpfung",
    "müdigkeit", "cansancio", "stanchezza", "vermoeidheid", "cansaço", "insomnia",
    "schlaflosigkeit", "schlafstörung*", "insomnie", "insomnio", "insonnia", "slapeloosheid",
    "insónia", "rash", "ausschlag", "éruption", "erupción", "eruzione cutanea", "uitslag",
    "erupção", "pain", "painful", "schmerz*", "douleur*", "dolor", "dolores", "dolore", "dolori",
    "pijn", "dor", "dores", "oedema", "edema", "ödem*", "œdème*", "edemas", "oedeem", "swelling",
    "schwellung", "gonflement", "hinchazón", "gonfiore", "zwelling", "inchaço", "palpitation*",
    "palpitaciones", "palpitazioni", "herzrasen", "hartkloppingen", "palpitações", "weight loss",
    "gewichtsverlust", "perte de poids", "pérdida de peso", "perdita di peso", "gewichtsverlies",
    "perda de peso", "bleeding", "blutung*", "saignement*", "sangrado", "sanguinamento",
    "bloeding", "sangramento", "nosebleed", "nasenbluten", "itching", "juckreiz", "démangeaison*",
    "picor", "prurito", "jeuk", "comichão", "confus*", "verwirrt*", "desorientad*", "disorientat*",
    "verward*", "smoker", "smoking", "raucher*", "fumeur*", "fumador*", "fumatore", "fumatrice",
    "roker", "fumante", "pack-year*", "pack years", "pakjaren", "paquets-années", "paquetes-año",
    "tabagisme", "tabaquismo", "tabagismo",
    # findings recorded in a note
    "chest pain", "brustschmerz*", "thoraxschmerz*", "douleur thoracique", "douleurs thoraciques",
    "dolor torácico", "dolore toracico", "pijn op de borst", "dor torácica", "shortness of breath",
    "dyspn*", "dispn*", "atemnot", "essoufflement", "disnea", "dispnea", "kortademig*",
    "falta de ar", "syncope", "synkope", "síncope", "sincope", "allergy", "allergies",
    "allergic reaction", "allergie", "allergien", "alergia", "alergias", "allergia",
    "allergie alimentari", "anaphyla*",
    # colloquial names, frequent misspellings, and what the lists above lacked
    "water tablets", "the pill", "mini pill", "morning-after pill", "inhaler", "inhalers",
    "insulin pump", "insulinpumpe", "the big c", "alzaimer", "alzheimers", "diabetis",
    "diabetic", "diavetico", "asthama", "morbus bechterew", "bechterew", "ankylosing spondylitis",
    "dekubitus", "pressure ulcer", "pressure sore", "leg ulcer", "úlcera de pressão",
    "úlcera por presión", "escara*", "piaga da decubito", "decubitus", "doorligwond*",
    "glaucoma", "glaucoom", "keratoconus", "keratokonus", "kératocône", "queratocono",
    "cheratocono", "myopi*", "miopía", "miopia", "degenerescência macular", "oligospermi*",
    "icsi", "iui", "low ovarian reserve", "reserva ovariana", "riserva ovarica",
    "ovarian reserve", "miscarriage*", "ectopic", "hypos", "hypoglyc*", "hyperglyc*",
    "hipoglucemia*", "hipoglicemia*", "ipoglicemia", "unterzucker*", "lombosciatalgia",
    "lumbalgi*", "lombalgi*", "lumbago", "hernia inguinal", "ernia inguinale", "tendinit*",
    "tendinite", "buikgriep", "griep", "gripe a", "overspannen", "overspanning", "me/cvs",
    "me/cfs", "chronic fatigue", "alcoholgebruiksstoornis", "abstinent*", "suchtdruck",
    "cravings", "detox", "acamprosat*", "disulfiram", "transtorno*", "trastorno*",
    "disturbo", "disturbi", "stoornis", "störung", "depressive episode", "episodio depresivo",
    "insônia", "schwerbehindert*", "disability", "hearing loss", "hearing aid*",
    "hörgerät*", "schwerhörig*", "surdité", "sordera", "sordità", "slechthorend*", "surdez",
    "wheez*", "asthma attack", "chest infection", "steroid*", "cortison*", "cortisone",
    "stem cell transplant", "lymphoma", "lymphome", "hodgkin*", "menopaus*", "wechseljahr*",
    "ménopause", "menopausia", "menopausa", "overgang", "hrt", "hot flushes", "hot flashes",
    "hitzewallungen", "bouffées de chaleur", "sofocos", "vampate", "opvliegers",
    "afrontamentos", "spotting", "menstrua*",
)

# Medicines, by their international names (the same in most languages; stems take in the
# local endings: metformin, metformine, metformina) and a few brand names heard as words.
MEDICINES: tuple[str, ...] = (
    "metformin*", "insulin*", "insuline", "insulina", "glargin*", "lantus", "novorapid", "humalog",
    "semaglutid*", "ozempic", "wegovy", "liraglutid*", "dulaglutid*", "tirzepatid*", "mounjaro",
    "empagliflozin*", "dapagliflozin*", "sitagliptin*", "gliclazid*", "glimepirid*", "sertralin*",
    "fluoxetin*", "escitalopram", "citalopram", "paroxetin*", "venlafaxin*", "duloxetin*",
    "bupropion", "mirtazapin*", "amitriptylin*", "trazodon*", "lithium carbonate",
    "lithiumcarbonat*", "quetiapin*", "olanzapin*", "risperidon*", "aripiprazol*", "haloperidol",
    "clozapin*", "lamotrigin*", "levetiracetam", "valpro*", "carbamazepin*", "methylphenidat*",
    "metilfenidat*", "ritalin*", "adderall", "atomoxetin*", "lisdexamfetamin*", "elvanse",
    "vyvanse", "concerta", "diazepam", "lorazepam", "alprazolam", "clonazepam", "zolpidem",
    "xanax", "valium", "tavor", "antidepress*", "antidépresseur*", "antidepresiv*",
    "antidepressiv*", "antipsychoti*", "neurolepti*", "atorvastatin*", "simvastatin*",
    "rosuvastatin*", "statin*", "lisinopril", "ramipril", "enalapril", "amlodipin*", "bisoprolol",
    "metoprolol", "propranolol", "losartan", "candesartan", "valsartan", "hydrochlorothiazid*",
    "furosemid*", "torasemid*", "spironolacton*", "warfarin*", "marcoumar", "marcumar", "sintrom",
    "phenprocoumon", "apixaban", "eliquis", "rivaroxaban", "xarelto", "edoxaban", "dabigatran",
    "clopidogrel", "digoxin*", "levothyroxin*", "l-thyroxin*", "euthyrox", "lévothyrox*",
    "levotiroxin*", "prednison*", "prednisolon*", "dexamethason*", "hydrocortison*",
    "methotrexat*", "metotrexat*", "méthotrexate", "adalimumab", "humira", "infliximab",
    "etanercept", "ustekinumab", "rituximab", "hydroxychloroquin*", "azathioprin*", "mesalazin*",
    "omeprazol*", "pantoprazol*", "esomeprazol*", "salbutamol", "albuterol", "ventolin*",
    "budesonid*", "fluticason*", "symbicort", "seretide", "montelukast", "tiotropium",
    "tamoxifen*", "letrozol*", "anastrozol*", "trastuzumab", "herceptin", "pembrolizumab",
    "keytruda", "nivolumab", "chemotherap*", "chemo", "chimiothérapie", "chimio", "quimioterapia",
    "quimio", "chemioterapia", "chemotherapie", "radiotherap*", "radiothérapie", "radioterapia",
    "bestrahlung", "immunotherap*", "tenofovir", "emtricitabin*", "truvada", "descovy", "biktarvy",
    "dolutegravir", "efavirenz", "antiretrovir*", "antirétrovir*", "sofosbuvir", "epclusa",
    "harvoni", "naltrexon*", "naloxon*", "methadon*", "metadon*", "méthadone", "buprenorphin*",
    "buprenorfin*", "buprénorphine", "subutex", "suboxone", "morphin*", "morfin*", "oxycodon*",
    "oxycontin", "fentanyl", "tramadol", "codein*", "codéine", "tilidin*", "gabapentin*",
    "pregabalin*", "lyrica", "amoxicillin*", "amoxicilin*", "amoxicilline", "penicillin*",
    "pénicilline", "penicilina", "azithromycin*", "azitromicin*", "doxycyclin*", "doxiciclin*",
    "ciprofloxacin*", "ciprofloxacine", "clarithromycin*", "nitrofurantoin*", "fosfomycin*",
    "antibiotic*", "antibiotik*", "antibiotique*", "antibiótico*", "antibiotico", "antibiotici",
    "antibiotica", "isotretinoin*", "roaccutan*", "finasterid*", "sildenafil", "viagra",
    "tadalafil", "cialis", "levonorgestrel", "mifepriston*", "misoprostol", "estradiol",
    "testosteron*", "hormone replacement", "ibuprofen*", "paracetamol", "acetaminophen",
    "diclofenac", "naproxen*", "metamizol*", "novalgin*",
)

# Operations, treatments and tests done to someone.
PROCEDURES: tuple[str, ...] = (
    "appendectom*", "appendektomie", "appendicectomie", "apendicectomía", "appendicectomia",
    "cholecystectom*", "cholezystektomie", "cholécystectomie", "colecistectom*", "mastectom*",
    "mastektomie", "mastectomie", "mastectomía", "mastectomia", "hysterectom*", "hysterektomie",
    "hystérectomie", "histerectomía", "isterectomia", "bypass surgery", "gastric bypass",
    "heart bypass", "bypass-op*", "stent*", "angioplast*", "pacemaker", "herzschrittmacher",
    "stimulateur cardiaque", "marcapasos", "pacemaker", "pacemaker", "dialys*", "dialyse",
    "diálisis", "dialisi", "diálise", "transplant*", "transplantation", "trasplante", "trapianto",
    "transplantatie", "transplante", "amputat*", "amputaç*", "knee replacement", "hip replacement",
    "knie-tep", "hüft-tep", "prothèse de hanche", "prothèse de genou", "prótesis de cadera",
    "protesi d'anca", "c-section", "caesarean", "cesarean", "kaiserschnitt", "césarienne",
    "cesárea", "cesareo", "taglio cesareo", "keizersnede", "cesariana", "colonoscop*",
    "koloskopie", "coloscopie", "colonoscopia", "endoscop*", "biops*", "biopsie", "biopsia",
    "mammogra*", "mammographie", "mamografía", "mammografia", "intubat*", "ventilator", "beatmet",
    "ecg", "ekg", "mri", "mrt", "ct scan", "ct-scan", "pet scan", "physiotherap*",
    "physiothérapie", "fisioterapia", "fysiotherapie", "psychotherap*", "psychothérapie",
    "psicoterapia", "cbt", "rehab", "reha", "entzug*", "sevrage", "desintoxicación",
    "disintossicazione", "afkickkliniek",
)

# Results read off a person: the name of a test or a sign, then (a few words on) its value.
# Looked for before numbers, so short names ("Hb", "TA", "FC") cost nothing elsewhere.
LAB_NAMES: tuple[str, ...] = (
    "cd4", "viral load", "viruslast", "charge virale", "carga viral", "carica virale",
    "virale lading", "hba1c", "a1c", "hemoglobina a1c", "blood sugar", "blood glucose",
    "blutzucker", "glycémie", "glucemia", "glicemia", "bloedsuiker", "glucose", "glucosa",
    "glukose", "glicose", "glucosio", "ldl", "hdl", "cholesterol", "cholesterin", "cholestérol",
    "colesterol", "colesterolo", "triglycerides", "triglyceride", "triglycérides", "triglicéridos",
    "trigliceridi", "triglicerídeos", "egfr", "gfr", "creatinine", "creat", "kreatinin",
    "créatinine", "creatinina", "urea", "harnstoff", "psa", "tsh", "ft4", "ft3", "inr", "troponin",
    "troponine", "troponina", "hemoglobin", "haemoglobin", "hämoglobin", "hémoglobine",
    "hemoglobina", "emoglobina", "hemoglobine", "hb", "hgb", "ferritin", "ferritine", "ferritina",
    "crp", "pcr", "alt", "ast", "ggt", "gama-gt", "gamma-gt", "bilirubin", "bilirubine",
    "bilirrubina", "bilirubina", "lactate", "lactato", "laktat", "lactaat", "potassium", "kalium",
    "sodium", "natrium", "sodio", "potasio", "potassio", "leukocytes", "leukozyten", "leucocytes",
    "leucocitos", "leucociti", "leukocyten", "leucócitos", "wbc", "gb", "plt", "platelets",
    "plaquettes", "plaquetas", "piastrine", "trombocyten", "thrombozyten", "bmi", "imc", "weight",
    "gewicht", "poids", "peso", "blood pressure", "blutdruck", "bloeddruk", "tension artérielle",
    "presión arterial", "pressione arteriosa", "pressão arterial", "bp", "rr", "ta", "pa", "hr",
    "fc", "pulse", "puls", "pouls", "pulso", "polso", "spo2", "sato2", "sats", "sat", "temp",
    "temperature", "temperatur", "température", "temperatura", "vitamin d", "vitamine d",
    "vitamina d", "vitamin b12", "vitamine b12", "vitamina b12", "b12", "hcg", "beta-hcg", "fev1",
    "vems", "uo", "alcolemia", "blood alcohol",
    "resting hr", "resting heart rate", "ruhepuls", "fc en reposo", "frecuencia cardiaca",
    "frecuencia cardíaca", "fréquence cardiaque", "frequenza a riposo", "frequenza cardiaca",
    "rusthartslag", "hartslag", "frequência cardíaca", "hrv", "hfv", "visus",
    "acuidade visual", "agudeza visual", "acuité visuelle", "oogdruk", "augeninnendruck",
    "tension oculaire", "presión intraocular", "pressione oculare", "pressão intraocular", "bz",
    "bm", "glicemia capilar", "amh", "mcv", "vgm", "sugar", "zucker",
)
# Units that only a measurement of someone carries: where two of them stand, the text is a
# report of results.
RESULT_UNITS: tuple[str, ...] = (
    "mg/dl", "mg/dL", "mmol/l", "mmol/mol", "g/dl", "g/l", "ng/ml", "pg/ml", "µg/l", "µmol/l",
    "umol/l", "µui/ml", "mui/l", "mu/l", "miu/l", "u/l", "ui/l", "iu/l", "mmhg", "lpm", "bpm",
    "/min", "/µl", "/mm3", "/mm³", "fl", "copies/ml", "ml/min",
)

# Words that tie a term to one person wherever they stand near it, before or after, in the same
# line: a patient, a clinical verb, the writer's doctor, a sick note.
NEAR_CUES: tuple[str, ...] = (
    # en
    "pt", "pt.", "patient", "patient's", "the patient", "diagnosed", "dx", "ddx", "hx", "h/o",
    "pmh", "pmhx", "presents with", "presented with", "presenting with",
    "complains of", "complaining of", "c/o", "s/p", "status post", "admitted", "discharged",
    "prescribed", "started on", "currently on", "been on", "tested positive", "positive for",
    "suffers from", "suffering from", "living with", "recovering from", "treated for",
    "being treated", "under treatment", "referred", "f/u", "known case of", "k/c/o", "yo", "y/o",
    "year-old", "year old", "sick leave", "off sick", "medical leave", "sick note", "fit note",
    "signed off", "my doctor", "my gp", "my therapist", "my psychiatrist", "my oncologist",
    "my meds", "my medication", "my diagnosis", "my symptoms", "i was diagnosed",
    "i've been diagnosed", "i have been diagnosed", "i got diagnosed",
    "diagnosed with", "post-op", "postop", "client", "resident",
    "the student", "the employee", "an employee", "the colleague", "a colleague", "my colleague",
    "dad", "mum", "mom", "mother", "father", "son", "daughter", "wife", "husband", "brother",
    "sister", "grandma", "grandmother", "grandad", "grandfather", "boyfriend", "girlfriend",
    "partner", "your results", "your blood", "your recent", "year-old man", "year-old woman",
    "year-old boy", "year-old girl", "sickness absence", "the absence", "been off", "off since",
    "off work", "time off", "he's having", "she's having", "my surgeon", "mon chirurgien",
    "mon kiné", "mon cardiologue",
    # de
    "pat.", "patientin", "der patient", "die patientin", "diagnostiziert", "v.a.", "z.n.",
    "leidet an", "leidet unter", "leide an", "leide unter", "krankgeschrieben", "krankmeldung",
    "au-bescheinigung", "arbeitsunfähig", "verordnet", "eingestellt auf", "aufgenommen",
    "entlassen", "positiv getestet", "in behandlung", "mein arzt", "meine ärztin", "mein hausarzt",
    "meine hausärztin", "meine diagnose", "jährig", "jährige", "jähriger", "jährigen",
    "unser sohn", "unsere tochter", "meine mutter", "mein vater", "mutter", "vater", "sohn",
    "tochter", "kollege", "kollegin", "mitarbeiter", "mitarbeiterin",
    "diagnose bekommen", "postoperativ", "ihr befund", "ihre werte",
    # fr
    "patiente", "le patient", "la patiente", "diagnostiqué", "diagnostiquée", "atcd", "antécédent",
    "antécédents", "atteint de", "atteinte de", "souffre de", "je souffre", "on m'a diagnostiqué",
    "m'a diagnostiqué", "arrêt maladie", "arrêt de travail", "prescrit", "prescrite", "ordonnance",
    "sous traitement", "traité pour", "traitée pour", "hospitalisé", "hospitalisée",
    "testé positif", "testée positive", "mon médecin", "ma médecin", "mon généraliste", "mon psy",
    "notre fille", "notre fils", "ma mère", "mon père", "ma fille", "mon fils", "mère", "père",
    "fille", "fils", "collègue", "salarié", "salariée", "vos résultats",
    # es
    "pte", "pte.", "paciente", "el paciente", "la paciente", "diagnosticado", "diagnosticada",
    "antecedentes de", "padece", "padezco", "sufre de", "sufro de", "me diagnosticaron",
    "baja médica", "baja laboral", "recetado", "recetada", "tratamiento con", "en tratamiento",
    "ingresado", "ingresada", "dio positivo", "mi médico", "mi médica", "mi doctor", "mi doctora",
    "diagnosticar", "le diagnosticaron", "me diagnosticaron", "hermana", "hermano", "madre",
    "padre", "hijo", "hija", "compañera", "compañero", "varón", "mujer de", "niño de", "niña de",
    "sus resultados",
    # it
    "pz", "pz.", "paziente", "il paziente", "la paziente", "diagnosticato", "diagnosticata",
    "affetto da", "affetta da", "soffre di", "soffro di", "mi hanno diagnosticato",
    "certificato medico", "in malattia", "prescritto", "prescritta", "terapia con", "in terapia",
    "ricoverato", "ricoverata", "è risultato positivo", "è risultata positiva", "il mio medico",
    "la mia dottoressa", "il mio dottore", "mio papà", "mia mamma", "papà", "mamma", "madre",
    "padre", "figlio", "figlia", "collega", "l'alunno", "l'alunna", "ragazzo di", "ragazza di",
    "uomo di", "donna di", "i suoi esami",
    # nl
    "patiënt", "de patiënt", "gediagnosticeerd", "lijdt aan", "ziekmelding", "ziek gemeld",
    "ziekgemeld", "voorgeschreven", "behandeld voor", "opgenomen", "positief getest",
    "mijn huisarts", "mijn arts", "mijn dokter", "jarige", "mw.", "mevr.", "dhr.", "cliënt",
    "cliënte", "moeder", "vader", "zoon", "dochter", "collega", "uw uitslag",
    "de uitslag", "uw bloedonderzoek",
    # pt
    "doente", "utente", "o paciente", "a paciente", "sofre de", "sofro de", "fui diagnosticado",
    "fui diagnosticada", "baixa médica", "atestado", "receitado", "receitada", "em tratamento",
    "internado", "internada", "testou positivo", "deu positivo", "o meu médico", "a minha médica",
    "meu médico", "minha médica", "mãe", "pai", "filho", "filha", "irmã", "irmão", "colega",
    "mulher de", "homem de", "os seus resultados",
    # more people a text may be about
    "my watch", "my libre", "the gp", "gp says", "key worker", "my nurse", "klient", "klientin",
    "kundin", "klagt über", "bewohner", "bewohnerin", "usager", "usagère", "usuario",
    "usuaria", "usuário", "usuária", "residente", "ospite", "bewoner", "meine garmin",
    "mi reloj", "el reloj", "ma montre", "mio nonno", "mia nonna", "mio compagno",
    "mia compagna", "mijn horloge", "mijn opa", "mijn oma", "meu avô", "minha avó", "meu vô",
    "minha vó", "mon mari", "ma femme", "mi novio", "mi novia", "mi marido", "mi esposa",
    "mi abuelo", "mi abuela",
)

# Words that tie a term to one person only just before it (at most a few words between):
# "my", "his", "I have", "ho", "tengo" are everywhere, and say something only right there.
CLOSE_CUES: tuple[str, ...] = (
    # "history of" right before its condition ("history of MI"), not "the history of Rome".
    "history of",
    # en
    "my", "his", "her", "i have", "i've", "ive", "i had", "i am", "i'm", "im", "i was", "i take",
    "i got", "i suffer", "i struggle", "i live with", "i've been", "i have been", "i'm on",
    "i am on", "he has", "she has", "he had", "she had", "he is", "she is", "he was", "she was",
    "he's", "she's", "son has", "daughter has", "wife has", "husband has", "mother has",
    "father has", "mom has", "mum has", "dad has",
    # de
    "mein", "meine", "meinem", "meiner", "meinen", "seine", "seiner", "seinem", "seinen",
    "ich habe", "ich hab", "ich bin", "hab ich", "habe ich", "bin ich", "bei mir", "er hat",
    "sie hat", "er ist", "sie ist",
    # fr
    "mon", "ma", "mes", "son", "sa", "ses", "j'ai", "je suis", "il a", "elle a", "il est",
    "elle est",
    # es
    "mi", "mis", "tengo", "tiene", "estoy", "está", "tuve", "tuvo",
    # it
    "mio", "mia", "miei", "mie", "ho", "ha", "sono", "ho avuto",
    # nl
    "mijn", "ik heb", "ik ben", "heb ik", "ben ik", "bij mij", "hij heeft", "zij heeft",
    "ze heeft", "hij is", "zij is", "ze is",
    # pt
    "meu", "minha", "meus", "minhas", "tenho", "tem", "estou", "tive", "teve",
)

# Close cues for a medicine only: "is on" a lecture, "taking" a course.
TAKING_CUES: tuple[str, ...] = (
    "is on", "was on", "i'm on", "taking", "takes", "take", "nimmt", "nehme", "je prends",
    "il prend", "elle prend", "tomo", "toma", "tomando", "prendo", "prende", "neem", "neemt",
    "slikt", "slik", "tomar", "a tomar",
)

# Words that make a whole document a record about someone (a clinical note, a letter, a
# certificate): every term in it counts, wherever it stands.
DOCUMENT_CUES: tuple[str, ...] = (
    "soap note", "subjective:", "objective:", "assessment:", "assessment/plan", "a/p:",
    "chief complaint", "cc:", "hpi:", "history of present illness", "discharge summary",
    "discharge letter", "referral letter", "medication list", "medications:", "meds:",
    "current medications", "diagnosis:", "diagnoses:", "dx:", "allergies:", "vitals:", "patient:",
    "pt:", "pt name", "patient name", "date of admission", "admitted:", "arztbrief",
    "entlassbrief", "entlassungsbericht", "überweisung", "diagnose:", "diagnosen:", "medikation:",
    "befund:", "anamnese:", "aufnahmegrund", "pat.:", "patient/in", "compte rendu", "compte-rendu",
    "lettre de sortie", "diagnostic :", "diagnostic:", "traitement :", "traitement:",
    "antécédents :", "antécédents:", "motif de consultation", "informe de alta", "informe clínico",
    "diagnóstico:", "tratamiento:", "juicio clínico", "motivo de consulta",
    "lettera di dimissione", "diagnosi:", "terapia:", "anamnesi:", "motivo del ricovero",
    "ontslagbrief", "verwijsbrief", "medicatie:", "anamnese", "reden van verwijzing",
    "nota de alta", "carta de alta", "medicação:", "motivo de internamento", "sick note",
    "fit note", "medical certificate", "certificat médical", "ärztliches attest",
    "atestado médico", "certificado médico", "certificato medico", "doktersverklaring",
    "paciente:", "paziente:", "patiënt:", "utente:", "doente:", "indication:", "procedure:",
    "operation note", "operative note", "handover", "sbar", "statement of fitness for work",
    "results letter", "lab results", "laborbefund", "befundbericht", "konsil", "ordonnance",
    "ricetta", "rp/", "referto", "resultados de analítica", "hoja de interconsulta", "evolución",
    "diagnóstico de sospecha:", "motivo:", "consegne", "overdracht", "verwijzing",
    "pedido de primeira consulta", "consulta de", "informação clínica:",
    "diagnosis / condition treated:", "diagnose/behandlung", "impression:", "findings:",
    "history:", "plan:", "o/e", "obs:", "exam:", "examen clinique", "exploración:",
    "esame obiettivo", "lichamelijk onderzoek", "exame objetivo", "progress note", "nursing note",
    "verlauf:", "epicrisis", "epicrisi", "anamnese", "consult note",
)

# Short acronyms of conditions, matched as written in capitals, and only in a text that already
# carries some health information: alone, "MS", "AF" or "SLA" say nothing.
ACRONYMS: tuple[str, ...] = (
    "MS", "SLA", "ALS", "PDS", "FA", "AF", "IC", "ERC", "IRA", "AKI", "DKA", "UWI", "UTI", "NOF",
    "ACL", "VKB", "IPB", "BPH", "GERD", "TIA", "STI", "OCD", "TOC", "DOC", "CVA", "DVT", "IBS",
    "CKD", "CHF", "HF", "MI", "CAD", "PE", "HTN", "DM", "T1DM", "T2DM", "DM2", "DM1", "EPOC",
    "TDAH", "HTA", "ACV", "IAM", "ICTUS", "EPI", "BPCO", "IRC", "SEP", "HIV", "VIH", "TB", "OSA",
    "SAOS", "PTSD", "GAD", "MDD", "BPD", "ADD", "ASD",
)

# Words that say a text is about an animal: a veterinary note records no person's health.
ANIMAL_WORDS: tuple[str, ...] = (
    "canine", "feline", "equine", "veterinar", "vet clinic", "the owner", "owner reports",
    "owner's", "tierarzt", "tierärzt", "besitzer", "halter", "vétérinaire", "propriétaire",
    "veterinario", "veterinaria", "dueño", "dueña", "proprietario", "dierenarts", "eigenaar",
    "veterinário", "veterinária", "tutor", "dsh", "labrador", "retriever", "schnauzer", "spaniel",
    "terrier", "poodle", "kater", "rüde", "hündin", "chienne", "perra", "cagna", "teef", "cadela",
    "castrated", "neutered", "spayed", "kastriert", "castré", "castrado", "castrato",
    "gecastreerd", "gesteriliseerd",
    "my cat", "my dog", "our cat", "our dog", "my puppy", "my kitten", "my horse", "the vet",
    "mein hund", "meine katze", "unser hund", "unsere katze", "mon chat", "mon chien",
    "ma chatte", "mi perro", "mi gato", "mi perra", "il mio cane", "il mio gatto",
    "la mia gatta", "mijn hond", "mijn kat", "o meu cão", "o meu gato", "a minha cadela",
    "a minha gata",
)

# Terms that are also everyday figures of speech ("my main pain is the CI", "a stroke of
# genius"): said of someone only with a near cue, never by a possessive alone.
FIGURATIVE: tuple[str, ...] = (
    "pain", "painful", "schmerz*", "douleur*", "dolor", "dolores", "dolore", "dolori", "pijn",
    "dor", "dores", "stroke", "burnout", "burn-out", "confus*", "verwirrt*", "headache*",
    "kopfschmerz*", "maux de tête", "mal de tête", "dolor de cabeza", "mal di testa", "hoofdpijn",
    "dor de cabeça", "migraine*", "migräne",
    # "it gives me hives" in five languages: "mi fa venire l'orticaria", "ça me donne de
    # l'urticaire", "me da urticaria", "da krieg ich Ausschlag".
    "orticaria", "urticaire", "urticaria", "ausschlag", "netelroos",
)

# Words right after a term that make it the name of something other than someone's health:
# "a diabetes specialist nurse", "cancer research", "HIV testing service".
NOT_OF_SOMEONE: tuple[str, ...] = (
    "specialist", "specialists", "nurse", "nurses", "clinic", "clinics", "service", "services",
    "research", "awareness", "association", "society", "foundation", "charity", "unit", "ward",
    "team", "centre", "center", "app", "project", "course", "programme", "program", "lecture",
    "study", "studies", "trial", "trials", "month", "week", "day", "campaign", "screening",
    "prevention", "education", "educator", "guideline", "guidelines", "statistics", "rates",
    "rate", "risk", "market", "drugs", "field", "forschung", "zentrum", "ambulanz", "station",
    "beratung", "recherche", "centre de", "investigación", "centro", "ricerca", "onderzoek",
    "pesquisa", "fundação", "stiftung",
)

# Close cues for a result only: "your HbA1c was 8.2%" is a letter to one patient, where "your
# diabetes" may be a leaflet's.
RESULT_CUES: tuple[str, ...] = (
    "your", "ihr", "ihre", "votre", "vos", "tu", "tus", "su", "sus", "il tuo", "la tua", "i tuoi",
    "uw", "je", "o seu", "a sua", "os seus", "teu", "tua",
)

# Headings of a research abstract: its figures are of cohorts, not of someone.
ABSTRACT_HEADINGS: tuple[str, ...] = (
    "background:", "methods:", "results:", "conclusions:", "objective:", "hintergrund:",
    "methoden:", "ergebnisse:", "schlussfolgerung:", "contexte :", "contexte:", "méthodes :",
    "méthodes:", "résultats :", "résultats:", "antecedentes:", "métodos:", "resultados:",
    "conclusiones:", "introduzione:", "metodi:", "risultati:", "conclusioni:", "achtergrond:",
    "methode:", "resultaten:", "conclusie:", "introdução:", "conclusões:", "inclusion criteria",
    "exclusion criteria", "exclusion:", "inclusion:", "ausschlusskriterien", "einschlusskriterien",
    "critères d'exclusion", "critères d'inclusion", "criterios de exclusión",
    "criterios de inclusión", "criteri di esclusione", "criteri di inclusione", "exclusiecriteria",
    "inclusiecriteria", "critérios de exclusão", "critérios de inclusão",
    "objetivo:", "objectif :", "objectif:", "obiettivo:", "objectivo:", "aims:", "purpose:",
)

# Words before a close cue that make it a condition, not a fact: a leaflet's "if you have",
# "si tiene o ha tenido".
CONDITIONAL: tuple[str, ...] = (
    "if", "unless", "whether", "wenn", "falls", "ob", "si", "quand", "lorsque", "cuando", "se",
    "quando", "als", "indien", "caso", "o", "or", "oder", "ou", "before", "not", "don't", "can",
    "should", "may", "you", "vous", "usted", "você", "u",
    "to", "how", "wie", "comment", "cómo", "como", "come", "hoe",
)

# Works between a possessive and a term that make the term their topic, not the writer's health:
# "my essay on diabetes", "meine Hausarbeit über Depression", "mi tesis sobre el VIH".
TOPIC_WORDS: tuple[str, ...] = (
    "essay", "thesis", "paper", "article", "presentation", "report", "project", "research",
    "assignment", "lecture", "talk", "slides", "dissertation", "blog", "book", "course",
    "homework", "study", "podcast", "poster", "aufsatz", "hausarbeit", "referat", "vortrag",
    "präsentation", "artikel", "studie", "exposé", "mémoire", "thèse", "présentation",
    "rapport", "projet", "ensayo", "tesis", "trabajo", "artículo", "presentación", "informe",
    "proyecto", "tesi", "tesina", "saggio", "articolo", "presentazione", "relazione",
    "progetto", "scriptie", "presentatie", "verslag", "werkstuk", "ensaio", "tese", "artigo",
    "apresentação", "relatório", "projeto",
)

# Subjects that make a near cue general ("people living with HIV", "patients diagnosed with",
# "someone diagnosed with"): guidelines and statistics, not one person.
GENERIC_SUBJECTS: tuple[str, ...] = (
    "people", "patients", "adults", "children", "women", "men", "persons", "individuals",
    "those", "someone", "somebody", "anyone", "patienten", "menschen", "erwachsene", "kinder",
    "frauen", "männer", "jemand", "personnes", "adultes", "enfants", "femmes", "hommes",
    "quelqu'un", "pacientes", "personas", "adultos", "niños", "mujeres", "hombres", "alguien",
    "pazienti", "persone", "adulti", "bambini", "donne", "uomini", "qualcuno", "patiënten",
    "mensen", "volwassenen", "kinderen", "vrouwen", "mannen", "iemand", "utentes", "doentes",
    "pessoas", "crianças", "mulheres", "homens", "alguém",
)

# Words around a value that make it a threshold, not someone's result: "an HbA1c of 48 or
# above", "BP below 140/90".
THRESHOLD_WORDS: tuple[str, ...] = (
    "above", "below", "over", "under", "at least", "less than", "more than", "greater than",
    "or above", "or more", "or higher", "or less", "or below", "target", "between", "über",
    "unter", "ab", "mindestens", "weniger als", "mehr als", "zwischen", "ziel", "au-dessus",
    "en dessous", "supérieur", "inférieur", "plus de", "moins de", "entre", "cible", "por encima",
    "por debajo", "superior a", "inferior a", "más de", "menos de", "objetivo", "sopra", "sotto",
    "superiore", "inferiore", "più di", "meno di", "tra", "boven", "onder", "hoger dan",
    "lager dan", "meer dan", "minder dan", "tussen", "acima", "abaixo", "mais de", "≥", "≤", ">",
    "<",
)
# fmt: on

# Words that make a text a record of people's health wherever they stand (an absence export's
# instruction, a record's field name): every term after them counts, as under a heading.
RECORD_WORDS: tuple[str, ...] = (
    "sickness absence",
    "sick days",
    "absence reason",
    "bradford",
    "krankheitstage",
    "fehlzeiten",
    "krankmeldungen",
    "absentéisme",
    "arrêts maladie",
    "días de baja",
    "dias de baixa",
    "verzuim",
    "ziektedag",
    "ziekteverzuim",
    "giorni di malattia",
    'diagnoses":',
    'diagnosis":',
    'diagnosen":',
    'diagnose":',
    'diagnosticos":',
    'diagnósticos":',
    'diagnostics":',
    'diagnosi":',
    'problems":',
    'comorbidities":',
    'comorbidades":',
    'comorbilidades":',
    'antecedents":',
    'antecedentes":',
    'antécédents":',
    'medications":',
    'medication":',
    'medikation":',
    'medikamente":',
    'medicamentos":',
    'medicatie":',
    'medicazione":',
    'farmaci":',
    'traitements":',
    'allergies":',
    'alergias":',
    'allergien":',
    'pflegegrad":',
)
