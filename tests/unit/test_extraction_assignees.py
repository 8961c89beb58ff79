"""Who a directive is addressed to: the directory, aliases, unknown offices, the chair."""

import pytest

from tracker.extraction import BUILTIN_DEPARTMENTS, DepartmentEntry, Directory, extract

REQUIRED_CODES = {
    "LABOUR", "BASIC_EDU", "SECONDARY_EDU", "HEALTH", "WCD", "PROBATION", "SOCIAL_WELFARE",
    "POLICE", "REVENUE", "RURAL_DEV", "PANCHAYATI_RAJ", "URBAN_DEV", "PWD", "FOOD_SUPPLY",
    "AGRICULTURE", "LEGAL_SERVICES", "IT", "SKILL_DEV", "MINORITY_WELFARE", "TRIBAL_AFFAIRS",
    "POWER", "JAL_NIGAM",
}


def departments(sentence: str, directory: Directory | None = None) -> list[str | None]:
    found = extract(sentence, directory=directory)
    assert len(found) == 1, found
    return [a.department for a in found[0].assignees]


def test_builtin_directory_is_complete_and_well_formed():
    codes = [e.code for e in BUILTIN_DEPARTMENTS]
    assert len(codes) >= 35 and len(set(codes)) == len(codes)
    assert set(codes) >= REQUIRED_CODES
    for entry in BUILTIN_DEPARTMENTS:
        assert entry.code.isupper() and entry.name_en and entry.name_hi
        assert any("\u0900" <= ch <= "\u097f" for ch in entry.name_hi)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("जिलाधिकारी ने जिला बेसिक शिक्षा अधिकारी को नामांकन बढ़ाने के निर्देश दिए।", ["BASIC_EDU"]),
        ("जिलाधिकारी ने बीएसए को नामांकन बढ़ाने के निर्देश दिए।", ["BASIC_EDU"]),
        ("The DM directed the DBEO to raise enrolment.", ["BASIC_EDU"]),
        ("The DM directed the District Basic Education Officer to raise enrolment.", ["BASIC_EDU"]),
        ("अधिशासी अभियंता, लोक निर्माण विभाग को सड़क की मरम्मत के निर्देश दिए गए।", ["PWD"]),
        ("The Executive Engineer PWD was directed to repair the road.", ["PWD"]),
        ("The DM directed the P.W.D. to repair the road.", ["PWD"]),
        ("उन्होंने बाल विकास परियोजना अधिकारियों को सर्वे करने के निर्देश दिए।", ["WCD"]),
        ("उन्होंने जिला प्रोबेशन अधिकारी को बच्चों को प्रस्तुत करने के निर्देश दिए।", ["PROBATION"]),
        ("The DPO was directed to produce the children before the CWC.", ["PROBATION"]),
        ("मुख्य सचिव ने पीडीडी को बिजली बहाल करने का निर्देश दिया।", ["POWER"]),
        ("The NIC was asked to host the dashboard.", ["IT"]),
        ("उन्होंने श्रम, कृषि और स्कूल शिक्षा जैसे विभागों से सहयोग करने का आह्वान किया।",
         ["LABOUR", "AGRICULTURE", "BASIC_EDU"]),
        ("He asked the departments of Health, Labour and Social Welfare to share data.",
         ["HEALTH", "LABOUR", "SOCIAL_WELFARE"]),
        ("उन्होंने उप निदेशक कृषि को गोष्ठी कराने के निर्देश दिए।", ["AGRICULTURE"]),
    ],
)
def test_directory_names_aliases_and_designations(sentence, expected):
    assert departments(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("उन्होंने परियोजना निदेशक को रिपोर्ट भेजने के निर्देश दिए।", "परियोजना निदेशक"),
        ("The DM directed the Executive Engineer, Transco to restore the lines.",
         "Executive Engineer, Transco"),
        ("उन्होंने अधिशासी अधिकारी नगर पंचायत को सफाई कराने के निर्देश दिए।",
         "अधिशासी अधिकारी नगर पंचायत"),
    ],
)
def test_unknown_offices_are_kept_as_written(sentence, mention):
    tiny = Directory.from_entries([DepartmentEntry("HEALTH", "Health", "स्वास्थ्य विभाग")])
    found = extract(sentence, directory=tiny)
    assert len(found) == 1
    assert [(a.mention, a.department) for a in found[0].assignees] == [(mention, None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "जिलाधिकारी ने निर्देश दिए कि सभी विभाग लंबित शिकायतों का निस्तारण करें।",
        "मुख्य सचिव ने सभी संबंधित विभागों को प्रगति रिपोर्ट भेजने का निर्देश दिया।",
        "उन्होंने सभी संबंधित अधिकारियों को सूची भेजने के निर्देश दिए।",
        "All departments shall prepare an action plan.",
        "All concerned were directed to submit the reports.",
        "The DM directed all the line departments to upload the data.",
    ],
)
def test_all_departments(sentence):
    found = extract(sentence)
    assert len(found) == 1 and found[0].all_departments


@pytest.mark.parametrize(
    "sentence",
    [
        "The District Commissioner directed the concerned departments to conduct raids in shops.",
        "He directed the officials concerned to repair all traffic lights at the earliest.",
        "The departments concerned should organise awareness camps in all colleges.",
        "कलेक्टर ने संबंधित विभागों को क्षतिग्रस्त सड़कों को शीघ्र बहाल करने के निर्देश दिए।",
        "संबंधित विभाग सभी शिकायतों का समय पर समाधान सुनिश्चित करें।",
    ],
)
def test_concerned_offices_are_not_all_departments(sentence):
    # Only the offices the topic concerns are meant; the secretary names them.
    found = extract(sentence)
    assert len(found) == 1
    assert not found[0].all_departments and found[0].assignees == ()


def test_concerned_department_after_named_ones_goes_on_with_them():
    found = extract("जिलाधिकारी ने लोक निर्माण विभाग एवं जल निगम के अधिकारियों को निर्देशित किया कि "
                    "सभी परियोजनाएं समय से पूर्ण की जाएं। उन्होंने कहा कि जिन कार्यों में धनराशि "
                    "की कमी है, उनका प्रस्ताव संबंधित विभाग शासन को शुक्रवार तक भेजें।")
    assert [sorted(a.department for a in c.assignees) for c in found] == [
        ["JAL_NIGAM", "PWD"], ["JAL_NIGAM", "PWD"]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("जिलाधिकारी ने मुख्य चिकित्सा अधिकारी को शिविर लगाने के निर्देश दिए।", ["HEALTH"]),
        ("जिलाधिकारी राकेश वर्मा ने निर्देश दिए कि बेसिक शिक्षा विभाग सर्वे कराए।", ["BASIC_EDU"]),
        ("मुख्य विकास अधिकारी सुमन के. ने बीएसए को सर्वे कराने के निर्देश दिए।", ["BASIC_EDU"]),
        ("The District Magistrate directed the CMO to hold camps.", ["HEALTH"]),
        ("The Chief Secretary, Shri A. K. Rao, directed the SSP to act.", ["POLICE"]),
        ("The meeting was chaired by the CDO, who asked the BSA to report.", ["BASIC_EDU"]),
        ("मुख्य सचिव ने सभी जिलाधिकारियों को पाक्षिक समीक्षा करने के निर्देश दिए।", ["REVENUE"]),
    ],
)
def test_the_chair_is_not_the_assignee(sentence, expected):
    assert departments(sentence) == expected


def test_assignee_offsets_point_at_the_mention():
    text = "जिलाधिकारी ने मुख्य चिकित्सा अधिकारी को शिविर लगाने के निर्देश दिए।"
    (candidate,) = extract(text)
    (assignee,) = candidate.assignees
    assert text[assignee.start:assignee.end] == assignee.mention == "मुख्य चिकित्सा अधिकारी"


def test_merged_overrides_and_adds_aliases():
    base = Directory.builtin()
    merged = base.merged([
        DepartmentEntry("HEALTH", "Medical Department", "चिकित्सा विभाग", ("Sehat Vibhag",)),
        DepartmentEntry("ZOO", "Zoo Authority", "चिड़ियाघर प्राधिकरण", ("Zoo Director",)),
    ])
    entries = {e.code: e for e in merged.entries()}
    assert entries["HEALTH"].name_en == "Medical Department"
    assert "Sehat Vibhag" in entries["HEALTH"].aliases
    assert "CMO" in entries["HEALTH"].aliases  # the built-in aliases stay
    assert {e.code for e in base.entries()} < set(entries)
    assert departments("The DM directed the Sehat Vibhag to hold camps.", merged) == ["HEALTH"]
    assert departments("The DM directed the Zoo Director to report.", merged) == ["ZOO"]
    assert departments("The DM directed the CMO to hold camps.", merged) == ["HEALTH"]
    # the original directory is unchanged
    assert "Sehat Vibhag" not in {a for e in base.entries() for a in e.aliases}


def test_merged_alias_can_move_to_another_code():
    merged = Directory.builtin().merged([DepartmentEntry("FOO", "Foo", "फू", ("BSA",))])
    assert departments("The DM directed the BSA to survey.", merged) == ["FOO"]


def test_directory_is_reused_and_builtin_is_shared():
    assert Directory.builtin() is Directory.builtin()


def test_merged_alias_wins_over_an_earlier_builtin_code():
    entry = DepartmentEntry("BASIC_EDU", "Education", "शिक्षा", ("CMO",))
    merged = Directory.builtin().merged([entry])
    assert departments("The DM directed the CMO to hold camps.", merged) == ["BASIC_EDU"]


def test_merging_the_same_entries_reuses_the_directory():
    entry = DepartmentEntry("ZOO", "Zoo Authority", "चिड़ियाघर प्राधिकरण", ("Zoo Director",))
    assert Directory.builtin().merged([entry]) is Directory.builtin().merged([entry])


def test_the_chair_marked_by_dwara_is_not_the_assignee():
    (found,) = extract("अध्यक्ष महोदय द्वारा निर्देशित किया गया कि लोक निर्माण विभाग सड़क की "
                       "मरम्मत कराए।")
    assert [a.department for a in found.assignees] == ["PWD"]


def codes_of(text: str) -> list[list[str | None]]:
    return [[a.department for a in c.assignees] + (["ALL"] if c.all_departments else [])
            for c in extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The District Horticulture Officer informed that 40 nurseries are registered. "
         "The CDO directed the department to inspect every nursery.", ["HORTICULTURE"]),
        ("The Chief Veterinary Officer said that vaccine stocks are low. "
         "He was asked to place an indent with the state depot.", ["ANIMAL_HUSBANDRY"]),
        ("The District Supply Officer reported delays at the godowns. "
         "The DM asked him to audit the stock registers.", ["FOOD_SUPPLY"]),
        ("The BDOs reported that 300 toilets are incomplete. "
         "The said officers shall finish them before the rains.", ["RURAL_DEV"]),
        ("जिला उद्यान अधिकारी ने बताया कि पौधशालाओं का पंजीकरण लंबित है। "
         "विभाग को निर्देशित किया गया कि सभी पौधशालाओं का निरीक्षण करें।", ["HORTICULTURE"]),
        ("जिला आबकारी अधिकारी ने अवैध शराब की बिक्री की जानकारी दी। "
         "उक्त विभाग को दबिश बढ़ाने के निर्देश दिए गए।", ["EXCISE"]),
        ("बैठक में जिला खान अधिकारी ने बताया कि अवैध खनन की शिकायतें मिली हैं। "
         "जिलाधिकारी ने उन्हें संयुक्त जांच कराने के निर्देश दिए।", ["MINING"]),
        # spoken to: "You" are the officers addressed
        ("The DM met the District Supply Officer. He said, \"You should audit the stock "
         "registers of every godown.\"", ["FOOD_SUPPLY"]),
        ('Addressing the BDOs, the Deputy Commissioner said, "You should complete the '
         'geo-tagging of all houses by 15 December."', ["RURAL_DEV"]),
    ],
)
def test_a_pronoun_addressee_stands_for_the_office_named_before(text, expected):
    assert codes_of(text)[-1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The CDO directed the department to inspect every nursery.",
        "विभाग को निर्देशित किया गया कि सभी पौधशालाओं का निरीक्षण करें।",
    ],
)
def test_a_pronoun_with_nothing_named_before_stays_unassigned(text):
    assert codes_of(text) == [[]]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The EO shall remove the encroachments from the market.", ["URBAN_DEV"]),
        ("The EOs were asked to put up dustbins in every ward.", ["URBAN_DEV"]),
        ("ईओ को बाजार से अतिक्रमण हटाने के निर्देश दिए गए।", ["URBAN_DEV"]),
        ("The EE Irrigation shall desilt the canal.", ["IRRIGATION"]),
        ("The XEN, PWD is to patch the potholes.", ["PWD"]),
        ("The DMWO will verify the scholarship forms.", ["MINORITY_WELFARE"]),
        ("The District Programme Officer shall weigh every child.", ["WCD"]),
        ("सीएमओ एवं एसडीएम संयुक्त रूप से अस्पतालों का निरीक्षण करें।", ["HEALTH", "REVENUE"]),
        ("डीपीओ बच्चों को बाल कल्याण समिति के समक्ष प्रस्तुत करें।", ["PROBATION"]),
    ],
)
def test_acronym_only_offices(sentence, expected):
    assert departments(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("जिला कृषि अधिकारी श्री राम प्रकाश निगम को बीज वितरण के निर्देश दिए गए।", ["AGRICULTURE"]),
        ("जिला पूर्ति अधिकारी श्रीमती अनीता परिषद को राशन वितरण की जांच के निर्देश दिए गए।",
         ["FOOD_SUPPLY"]),
        ("The District Agriculture Officer, Shri R. P. Nigam, was asked to distribute the seed.",
         ["AGRICULTURE"]),
    ],
)
def test_a_named_officer_resolves_by_the_designation_not_the_name(sentence, expected):
    assert departments(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("सभी विभाग अपनी प्रगति रिपोर्ट जिला विकास अधिकारी कार्यालय को भेजें।", [["ALL"]]),
        ("जिलाधिकारी ने कृषि विभाग को निर्देश दिए कि बीज का वितरण करें तथा सूची जिला पंचायत राज "
         "अधिकारी को उपलब्ध कराएं।", [["AGRICULTURE"], ["AGRICULTURE"]]),
        ("स्वास्थ्य विभाग शिविर लगाकर उसकी सूचना जिलाधिकारी को प्रेषित करे।", [["HEALTH"]]),
        ("The Agriculture Department and the Information Technology Department were asked to share "
         "the farmer data with the line departments.", [["AGRICULTURE", "IT"]]),
        ("All Administrative Secretaries shall name a grievance officer.", [["ALL"]]),
    ],
)
def test_where_a_report_goes_is_not_who_acts(sentence, expected):
    assert codes_of(sentence) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The District Sports Officer and the District Youth Welfare Officer reported that the "
         "stadium is unused. They were asked to hold a sports meet.", ["SPORTS_YOUTH"]),
        ("The BDO and the CDPO reported that 9 buildings are incomplete. They were asked to "
         "finish them.", ["RURAL_DEV", "WCD"]),
        ("खंड विकास अधिकारी एवं बाल विकास परियोजना अधिकारी ने भवनों की स्थिति बताई। जिलाधिकारी ने "
         "उन्हें भवन पूर्ण कराने के निर्देश दिए।", ["RURAL_DEV", "WCD"]),
        ("The DM directed the Executive Engineer, RES to release the payments. The department "
         "shall also ensure that the buildings are handed over to the ICDS.", ["RURAL_ENGG"]),
    ],
)
def test_a_pronoun_stands_for_the_whole_list_named_before(text, expected):
    assert codes_of(text)[-1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Collector asked the Tahsildars to open relief camps.", ["REVENUE"]),
        ("उन्होंने नगर परिषद आयुक्त को नालों की सफाई कराने के निर्देश दिए।", ["URBAN_DEV"]),
        ("जलदाय विभाग टंकियों की सफाई कराए।", ["JAL_NIGAM"]),
        ("निर्देशित किया गया कि राजस्व एवं पुलिस की संयुक्त टीम मौके पर जाकर विवाद सुलझाए।",
         ["REVENUE", "POLICE"]),
        ("Revenue and police teams shall jointly inspect the mining sites.", ["REVENUE", "POLICE"]),
        ("जिलाधिकारी ने लोक निर्माण विभाग एवं उत्तर प्रदेश जल निगम के अधिकारियों को सड़कें ठीक कराने के "
         "निर्देश दिए।", ["PWD", "JAL_NIGAM"]),
    ],
)
def test_spelling_variants_teams_and_state_prefixes(sentence, expected):
    assert departments(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "codes", "all_departments"),
    [
        ("जिलाधिकारी ने स्वास्थ्य विभाग के सभी अधिकारियों को शिविर लगाने के निर्देश दिए।", {"HEALTH"},
         False),
        ("The DM directed all the officers of the Health Department to hold camps.", {"HEALTH"},
         False),
        ("उन्होंने कहा कि जिला प्रशासन के जितने भी पदाधिकारी हैं, वे फाइलें समय से निपटाएं।", set(),
         True),
        ("उन्होंने कहा कि सभी पदाधिकारी फाइलें समय से निपटाएं।", set(), True),
        ("The Collector directed all the officers of the district administration to attend.",
         set(), True),
    ],
)
def test_all_the_officers_of_one_department_are_that_department(sentence, codes, all_departments):
    found = extract(sentence)
    assert len(found) == 1
    assert {a.department for a in found[0].assignees} == codes
    assert found[0].all_departments is all_departments


def test_the_name_of_a_chair_does_not_swallow_the_case_marker():
    found = extract("अतिरिक्त जिला कलक्टर श्री किशोर कुमार ने अधिकारियों को निर्देश दिए कि वे लक्ष्य "
                    "अर्जित करें।")
    assert len(found) == 1 and found[0].assignees == ()
    found = extract("जिलाधिकारी ने जिला समाज कल्याण अधिकारी श्री राम निगम को पेंशन बांटने के निर्देश दिए।")
    assert [a.department for a in found[0].assignees] == ["SOCIAL_WELFARE"]


def test_a_corporation_named_after_a_department_is_an_office_to_map():
    found = extract("उन्होंने अनुसूचित जाति विकास निगम को लक्ष्य पूरा करने के निर्देश दिए।")
    assert [(a.mention, a.department) for a in found[0].assignees] == [
        ("अनुसूचित जाति विकास निगम", None)]
    found = extract("कार्यपालक अभियंता, लोक स्वास्थ्य अभियंत्रण को नलकूप ठीक कराने का आदेश दिया गया।")
    assert [a.department for a in found[0].assignees] == ["JAL_NIGAM"]


def test_two_unknown_offices_joined_by_and_are_both_offices_to_map():
    found = extract("जिलाधिकारी ने सहायक अभियंता और कनीय अभियंता को निर्देश दिए कि सड़क की मरम्मत "
                    "15 दिन में पूरी करें।")
    assert [(a.mention, a.department) for a in found[0].assignees] == [
        ("सहायक अभियंता", None), ("कनीय अभियंता", None)]


def test_officers_typed_with_gha_for_dha_are_officers():
    found = extract("जिलाधिकारी ने सभी अघिकारियों को निर्देश दिए कि फाइलें समय से निपटाएं।")
    assert found[0].all_departments
    found = extract("उन्होंने परियोजना अघिकारी को निर्देश दिए कि सर्वे पूरा करें।")
    assert [a.mention for a in found[0].assignees] == ["परियोजना अघिकारी"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Chief Minister instructed the District Magistrates (DMs) and Superintendents of "
        "Police (SPs) of each district to visit the rural areas every month.",
        "District magistrates and police officers were instructed to conduct regular checks.",
    ],
)
def test_district_magistrates_listed_with_the_police_are_both_addressed(sentence):
    assert set(departments(sentence)) == {"REVENUE", "POLICE"}
