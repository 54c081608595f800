/**
 * Where the referral facts in the atlas come from. Keys match `sources` in
 * src/core/atlas/fixtures/referral-patterns.json; the citation texts are references, kept as given.
 */
export const SOURCES = {
  ML: "MedLink Neurology figure legends reproducing Travell & Simons 1983 Vol.1 ('Myofascial pain patterns of the ... muscle'), e.g. https://www.medlink.com/media/Mpssi5 (upper trap), Mpssi6 (trap TP2/TP3), Mpssi9 (SCM), mpssi10 (levator), mpssi11a (scalenes), mpssi12b (infraspinatus), mpssi13 (supinator), Mpssi15 (piriformis), mpssi1 (masseter), mpssi4 (medial pterygoid)",
  NAM: "NAMTPT (National Association of Myofascial Trigger Point Therapists) Symptom Checker pages, citing Simons/Travell 1999 Vol.1 and Travell/Simons 1992 Vol.2, http://check.myofascialtherapy.org/symptomcheck/symptom_*.html (upper_trapezius, upper_scalene, head_temporalis, upper_supraspinatus, upper_infraspinatus, upper_teresminor, upper_subscapularis, upper_deltoid, upper_biceps, upper_triceps, upper_pectoralis, upper_serratus, upper_serratus_post, upper_longissimus, upper_flexor, leg_gastrocnemius, leg_soleus, leg_minimus; also myofascialtherapy.org/symptom-checker/symptomcheck/symptom_leg_femoris.html)",
  TPN: "triggerpoints.net (The Trigger Point & Referred Pain Guide; content adapted from Travell & Simons), http://www.triggerpoints.net/ and /muscle/masseter",
  WMM: "American Academy of Manual Medicine muscle pages, 'Travell and Simons Trigger Point Pain Referral', http://www.webmanmed.com/disorders/disorders_files/musclgd/ (upback/14375580 latissimus; rotcuff/14922647 teres minor; antfore/11175496 FCU)",
  TS2: "Travell & Simons Vol.2 ch.7 Gluteus maximus, text excerpt (pubhtml5 copy) https://pubhtml5.com/ylgr/rpoy/basic/151-200",
  TS1s: "Travell & Simons Vol.1 ch.26 Subscapularis highlights (scribd copy) https://www.scribd.com/document/421778303/",
  TCA: "triggerpoint.ca quoting T&S Vol.1 on lateral pterygoid, https://triggerpoint.ca/2019/01/21/lateral-pterygoid-symptoms/",
  PFH: "painfreehealth.ca quoting T&S Vol.2 on gluteus minimus, https://painfreehealth.ca/gluteus-minimus-muscle/",
  GAL: "galantdesign.se page quoting T&S on quadratus lumborum (copy of a clinic article), http://galantdesign.se/",
  MT: "Massage Today (David Kent) articles: splenius cervicis (id=15149), serratus posterior superior (id=14049; also amtamassage.org), rectus abdominis (id=14017), gluteus maximus (id=14912), TFL (articles/14542), gluteus minimus (id=14414)",
  NA: "Niel-Asher / nielasher.com trigger point blog pages (masseter, lateral pterygoid, infraspinatus, rhomboids, biceps, supinator, tibialis anterior, fibularis, soleus, hamstrings, low back overview) — summaries of The Concise Book of Trigger Points",
  TPT: "triggerpointtherapist.com (Dr Laura Perry) posts: iliopsoas, gastrocnemius, soleus, peroneals, TFL, hamstrings; tibialis posterior quoted at phoenixacupuncturecommunitymedicine.com",
  ABD: "aberdeenchiropracticblog.com trigger point posts (scalenes, infraspinatus, rhomboids, pec major/minor, deltoid, biceps, triceps, QL, iliopsoas, gluteus medius/minimus/maximus, TFL, adductor longus/brevis, serratus anterior, lateral pterygoid, abdominals) — secondary, summarises T&S",
  EH: "Elevate Healthcare (AU) 'Cervical & Cranial Myofascial Pain' referral table citing T&S, https://www.elevatehealthcare.com.au/conditions/neck/cervical-cranial-myofascial-pain/",
  WSP: "westsubpainrelief.com: splenius cervicis, brachioradialis, biceps, triceps, rectus abdominis (secondary, cites T&S)",
  RE: "round-earth.com quadriceps page (essential vs spillover per head), http://round-earth.com/kneepain-quadriceps.html",
  MJP: "muscle-joint-pain.com trigger point pages (pec minor, quadriceps, peroneals, hamstrings)",
  TPSH: "triggerpointselfhelp.com (levator scapulae, SCM, scalenes, masseter, biceps) — secondary, cites T&S and Davies",
  FV: "fitness-vip.com excerpts from a German trigger-point/muscle-chain textbook (teres major, latissimus, QL, tibialis anterior) — provenance uncertain",
  BS: "brainscape 'TrP Referral' flashcards (QL, glutes, foot muscles) — weak, user-generated",
  IW: "integrativeworks.com client-description posts (splenius cervicis, latissimus, serratus post. sup.) — weak",
  TPB: "triggerpointbook.com (Clair Davies' site: TMJ disorder, calf cramps, ankle sprain pages) and morningsideacupuncturenyc.com (EDL page)",
  PP: "pressurepointer.com (supraspinatus, infraspinatus pages; weak)",
  WT: "Wikipedia 'Myofascial trigger point' (mirror https://mediated.wiki/source/Myofascial_trigger_point)",
} as const;

export type SourceKey = keyof typeof SOURCES;
