window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1625488528634806273",
      "created_at": "Tue Feb 14 13:34:00 +0000 2023",
      "full_text": "استهداف بمسيرة من مسيرة تركية على مخيم يؤوي عائلات نازحة في مدينة عين عيسى بريف الرقة الشمالي عصر اليوم، ما أدى إلى مقتل خمسة عشر مدنياً، بينهم طفل وامرأة وإصابة عشرات الجرحى. #عين_عيسى",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "عين_عيسى"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person",
      "edit_info": {
        "initial": {
          "editTweetIds": [
            "1625488528634806273",
            "1625512436167606273"
          ],
          "editableUntil": "",
          "editsRemaining": "4"
        }
      }
    }
  },
  {
    "tweet": {
      "id_str": "1625512436167606273",
      "created_at": "Tue Feb 14 15:09:00 +0000 2023",
      "full_text": "غارة بطائرة مسيرة من الطيران المسير التركي على مخيم يؤوي عائلات نازحة في مدينة عين عيسى بريف الرقة الشمالي يوم الثلاثاء أربعة عشر شباط، ما أدى إلى مقتل ١٩ مدنياً، بينهم طفل وامرأة وإصابة عشرات آخرين. #عين_عيسى",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "عين_عيسى"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person",
      "edit_info": {
        "edit": {
          "initialTweetId": "1625488528634806273",
          "editControlInitial": {
            "editTweetIds": [
              "1625488528634806273",
              "1625512436167606273"
            ],
            "editableUntil": "",
            "editsRemaining": "4"
          }
        }
      }
    }
  },
  {
    "tweet": {
      "id_str": "1629368092062646274",
      "created_at": "Sat Feb 25 06:30:00 +0000 2023",
      "full_text": "A Turkish drone struck a house in al-Tabqa in western Ar-Raqqah on Friday night, killing three civilians, local sources said. At least five people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1629453907522486275",
      "created_at": "Sat Feb 25 12:11:00 +0000 2023",
      "full_text": "The death toll from a drone attack on al-Tabqa on 24 February has risen to 3. Turkish forces struck a house in al-Tabqa in western Ar-Raqqah on 24 February, killing three civilians, local sources said. Six people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1632247817302966276",
      "created_at": "Sun Mar 05 05:13:00 +0000 2023",
      "full_text": "Unidentified aircraft struck a busy market in al-Mayadin in eastern Deir ez-Zor on Saturday night, killing at least seven civilians, including 3 children, local sources said. Dozens of people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1633409723397046277",
      "created_at": "Wed Mar 08 10:10:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل ما لا يقل عن ثمانية مدنيين وإصابة عشرات الجرحى يوم السبت الماضي، جراء قصف صاروخي من غارات إسرائيلية استهدف سوق شعبي في الميادين.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1638758719288246278",
      "created_at": "Thu Mar 23 04:25:00 +0000 2023",
      "full_text": "الدانا: مقتل خمسة عشر مدنياً، بينهم امرأة وإصابة ما لا يقل عن سبعة آخرين إثر غارات جوية من طيران الاحتلال الروسي على سيارة مدنية يوم الأربعاء 22 مارس #الدانا",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "الدانا"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1639521998730166279",
      "created_at": "Sat Mar 25 06:58:00 +0000 2023",
      "full_text": "Russian jets struck a civilian car in Ad Dana in northern Idlib late on Wednesday, killing 17 civilians, local sources said. 10 people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1642893464171446280",
      "created_at": "Mon Apr 03 14:15:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل 3 مدنيين وإصابة 5 آخرين عصر اليوم، جراء غارة جوية من طيران الاحتلال الروسي استهدف مخيم يؤوي عائلات نازحة في معرتمصرين بريف إدلب الشمالي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1643104857093046281",
      "created_at": "Tue Apr 04 04:15:00 +0000 2023",
      "full_text": "عاجل | مقتل ثلاثة مدنيين وإصابة ٦ آخرين جراء غارة جوية من الطائرات الروسية استهدف مخيم يؤوي عائلات نازحة في مدينة معرتمصرين بريف إدلب الشمالي يوم الإثنين ثلاثة نيسان.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1647667420984246282",
      "created_at": "Sun Apr 16 18:25:00 +0000 2023",
      "full_text": "ارتفعت حصيلة ضحايا غارة جوية على بلدة الكسوة بريف دمشق الغربي ليلة أمس إلى ما لا يقل عن سبعة قتلى، وفق مصادر محلية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1647688056959926283",
      "created_at": "Sun Apr 16 19:47:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل 7 مدنيين وإصابة ما لا يقل عن 12 آخرين بتاريخ ١٥/٤/٢٠٢٣، جراء غارات جوية من الاحتلال الإسرائيلي استهدف سوق شعبي في مدينة الكسوة بريف دمشق الغربي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1650843347973046284",
      "created_at": "Tue Apr 25 12:45:00 +0000 2023",
      "full_text": "عاجل | إصابة خمسة مدنيين جراء غارة جوية من الطيران الحربي الروسي استهدف فرن للخبز في كفرنبل بريف إدلب الجنوبي بتاريخ 21/4/2023.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1652273270092726285",
      "created_at": "Sat Apr 29 11:27:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل مدني وإصابة ما لا يقل عن ٣ آخرين عصر اليوم، جراء قصف مدفعي وصاروخي من قوات النظام استهدف سيارة مدنية في الباب بريف حلب الشرقي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1652283839738806286",
      "created_at": "Sat Apr 29 12:09:00 +0000 2023",
      "full_text": "عاجل | مقتل مدني وإصابة 3 آخرين جراء قصف بقذائف المدفعية مجهول المصدر استهدف سيارة مدنية في الباب بريف حلب الشرقي ظهر اليوم.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1652604452336566287",
      "created_at": "Sun Apr 30 09:23:00 +0000 2023",
      "full_text": "عاجل | مقتل مدني وإصابة ما لا يقل عن 5 آخرين جراء قصف بقذائف المدفعية مجهول المصدر استهدف سيارة مدنية في الباب بريف حلب الشرقي يوم أمس السبت.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1653582647915446288",
      "created_at": "Wed May 03 02:10:00 +0000 2023",
      "full_text": "القامشلي: مقتل مدنيين اثنين وإصابة ثلاثة آخرين إثر ضربة بطائرة مسيرة من مسيرة تركية على دراجة نارية فجر اليوم #القامشلي",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "القامشلي"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1653603535549366289",
      "created_at": "Wed May 03 03:33:00 +0000 2023",
      "full_text": "RT @demo_valley_news: القامشلي: مقتل مدنيين اثنين وإصابة ثلاثة آخرين إثر ضربة بطائرة مسيرة من مسيرة تركية على دراجة نارية فجر اليوم #القامشلي",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "القامشلي"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1653616621777846290",
      "created_at": "Wed May 03 04:25:00 +0000 2023",
      "full_text": "RT @demo_valley_news: القامشلي: مقتل مدنيين اثنين وإصابة ثلاثة آخرين إثر ضربة بطائرة مسيرة من مسيرة تركية على دراجة نارية فجر اليوم #القامشلي",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "القامشلي"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1655423527941046291",
      "created_at": "Mon May 08 04:05:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل عشرات المدنيين وإصابة 8 آخرين بتاريخ 8/5/2023، جراء غارات جوية من طيران الاحتلال الروسي استهدف سيارة مدنية في جسر الشغور. وبينما اتهم ناشطون الطيران الحربي الروسي بتنفيذ القصف، حمّلت مصادر أخرى قوات النظام المسؤولية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1659986846806966292",
      "created_at": "Sat May 20 18:18:00 +0000 2023",
      "full_text": "غارة جوية من الطيران الحربي الروسي على مخيم يؤوي عائلات نازحة في مدينة أريحا بريف إدلب الجنوبي مساء اليوم، ما أدى إلى مقتل سبعة مدنيين، بينهم 3 أطفال وامرأتان وإصابة عشرات الجرحى. #أريحا",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "أريحا"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1666435085890486293",
      "created_at": "Wed Jun 07 13:21:00 +0000 2023",
      "full_text": "قصف جوي من الطائرات الروسية على مخيم يؤوي عائلات نازحة في دارة عزة بريف حلب الغربي عصر اليوم، ما أدى إلى مقتل 3 مدنيين وإصابة 11 آخرين. #دارة_عزة كما قُتل عنصران من فصيل مسلح كان في المكان.",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "دارة_عزة"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1666682969256886294",
      "created_at": "Thu Jun 08 05:46:00 +0000 2023",
      "full_text": "The death toll from an airstrike on Darat Izza yesterday has risen to 3. Russian warplanes struck a camp for displaced people in Darat Izza in western Aleppo yesterday, killing at least three civilians, local sources said. 11 people were wounded. Two fighters were also killed.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1666765009843126295",
      "created_at": "Thu Jun 08 11:12:00 +0000 2023",
      "full_text": "دارة عزة: مقتل ثلاثة مدنيين وإصابة 11 آخرين إثر غارات جوية من الطيران الحربي الروسي على مخيم يؤوي عائلات نازحة يوم أمس الأربعاء #دارة_عزة كما قُتل عنصران من فصيل مسلح كان في المكان.",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "دارة_عزة"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1668312456360886296",
      "created_at": "Mon Jun 12 17:41:00 +0000 2023",
      "full_text": "قصف جوي من الطيران الحربي الروسي على منزل سكني في بلدة دارة عزة بريف حلب الغربي مساء اليوم، ما أدى إلى مقتل مدنيين اثنين، بينهم طفل وإصابة 11 آخرين. #دارة_عزة",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "دارة_عزة"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1668480815723446297",
      "created_at": "Tue Jun 13 04:50:00 +0000 2023",
      "full_text": "عاجل | مقتل 3 مدنيين وإصابة 11 آخرين جراء غارة جوية لم يعرف مصدره استهدف مخيم يؤوي عائلات نازحة في دارة عزة بتاريخ ٧/٦/٢٠٢٣.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1668552789980086298",
      "created_at": "Tue Jun 13 09:36:00 +0000 2023",
      "full_text": "عاجل | مقتل مدنيين اثنين، بينهم طفل وإصابة 11 آخرين جراء قصف جوي من الطيران الحربي الروسي استهدف منزل سكني في مدينة دارة عزة مساء أمس.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1671716637373366299",
      "created_at": "Thu Jun 22 03:08:00 +0000 2023",
      "full_text": "عاجل | مقتل 9 مدنيين، بينهم طفل وإصابة عشرات الجرحى جراء غارات جوية من طيران الاحتلال الروسي استهدف سيارة مدنية في دركوش بريف إدلب الغربي فجر اليوم.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1672255689323446300",
      "created_at": "Fri Jun 23 14:50:00 +0000 2023",
      "full_text": "ارتفعت حصيلة ضحايا قصف جوي على بلدة دركوش فجر أمس إلى 10 قتلى، وفق مصادر محلية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1672822675338166301",
      "created_at": "Sun Jun 25 04:23:00 +0000 2023",
      "full_text": "RT @demo_valley_news: عاجل | مقتل 9 مدنيين، بينهم طفل وإصابة عشرات الجرحى جراء غارات جوية من طيران الاحتلال الروسي استهدف سيارة مدنية في دركوش بريف إدلب الغربي فجر اليوم.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1674119721907126302",
      "created_at": "Wed Jun 28 18:17:00 +0000 2023",
      "full_text": "غارة جوية من طيران الاحتلال الروسي على سيارة مدنية في دركوش بريف إدلب الغربي يوم الخميس الماضي، ما أدى إلى مقتل ما لا يقل عن أحد عشر مدنياً وإصابة عشرات الجرحى. #دركوش",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "دركوش"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1674408373908406303",
      "created_at": "Thu Jun 29 13:24:00 +0000 2023",
      "full_text": "RT @demo_valley_news: تل رفعت: مقتل ما لا يقل عن 8 مدنيين، بينهم امرأة وإصابة ما لا يقل عن 29 آخرين إثر استهداف بمسيرة من الطيران المسير التركي على مخيم يؤوي عائلات نازحة مساء اليوم #تل_رفعت",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "تل_رفعت"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1677588327429046304",
      "created_at": "Sat Jul 08 08:00:00 +0000 2023",
      "full_text": "تدمر: مقتل أربعة مدنيين وإصابة أحد عشر آخرين إثر قصف جوي من طيران التحالف الدولي على دراجة نارية ليلة أمس #تدمر",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "تدمر"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1677616009835446305",
      "created_at": "Sat Jul 08 09:50:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل أربعة مدنيين، بينهم امرأة وإصابة ١١ آخرين بتاريخ ٧/٧/٢٠٢٣، جراء غارات جوية مجهول المصدر استهدف دراجة نارية في مدينة تدمر بريف حمص الشرقي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1678622139478966306",
      "created_at": "Tue Jul 11 04:28:00 +0000 2023",
      "full_text": "عاجل | مقتل ما لا يقل عن ٥ مدنيين، بينهم امرأة وإصابة أحد عشر آخرين جراء غارات جوية من الطائرات الروسية استهدف دراجة نارية في بلدة تدمر بريف حمص الشرقي الجمعة الماضي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1681657641169846307",
      "created_at": "Wed Jul 19 13:30:00 +0000 2023",
      "full_text": "قصف جوي من مروحيات النظام على دراجة نارية في بلدة طفس بريف درعا الغربي مساء أمس، ما أدى إلى مقتل ثلاثة عشر مدنياً، بينهم ما لا يقل عن ٣ أطفال وإصابة 13 آخرين. #طفس",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "طفس"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1681924147246006308",
      "created_at": "Thu Jul 20 07:09:00 +0000 2023",
      "full_text": "طفس: مقتل ما لا يقل عن 14 مدنياً، بينهم ثلاثة أطفال وإصابة ما لا يقل عن ثلاثة عشر آخرين إثر غارة جوية من قوات الأسد على دراجة نارية أمس الأول #طفس",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "طفس"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1684207945774006309",
      "created_at": "Wed Jul 26 14:24:00 +0000 2023",
      "full_text": "عاجل | إصابة ما لا يقل عن 3 مدنيين جراء قصف مدفعي من مروحيات النظام استهدف محيط مدرسة في أعزاز بريف حلب الشمالي بتاريخ 26/7/2023.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1684283443246006310",
      "created_at": "Wed Jul 26 19:24:00 +0000 2023",
      "full_text": "غارة بطائرة مسيرة مجهول المصدر على مخيم يؤوي عائلات نازحة في بلدة تل تمر بريف الحسكة الشمالي يوم الأربعاء ٢٦ يوليو، ما أدى إلى مقتل مدنيين اثنين وإصابة خمسة آخرين. #تل_تمر",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "تل_تمر"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1684292251284406311",
      "created_at": "Wed Jul 26 19:59:00 +0000 2023",
      "full_text": "قصف مدفعي من مروحيات النظام على سيارة مدنية في مدينة الأتارب بريف حلب الغربي مساء اليوم، ما أدى إلى مقتل مدنيين اثنين وإصابة ما لا يقل عن أحد عشر آخرين. #الأتارب",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "الأتارب"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1684539631334326312",
      "created_at": "Thu Jul 27 12:22:00 +0000 2023",
      "full_text": "ارتفعت حصيلة ضحايا ضربة بطائرة مسيرة على مدينة تل تامر بريف الحسكة الشمالي مساء أمس إلى مدنيين اثنين، وفق مصادر محلية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1684922655175606313",
      "created_at": "Fri Jul 28 13:44:00 +0000 2023",
      "full_text": "قصف مدفعي وصاروخي من قوات النظام على محيط مدرسة في أعزاز بريف حلب الشمالي أمس الأول، ما أدى إلى إصابة ما لا يقل عن 4 مدنيين. #أعزاز",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "أعزاز"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1685367586943926314",
      "created_at": "Sat Jul 29 19:12:00 +0000 2023",
      "full_text": "عاجل | مقتل مدنيين اثنين وإصابة ما لا يقل عن ٦ آخرين جراء استهداف بمسيرة لم يعرف مصدره استهدف مخيم يؤوي عائلات نازحة في مدينة تل تامر بريف الحسكة الشمالي بتاريخ 26/7/2023.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1685512290431926315",
      "created_at": "Sun Jul 30 04:47:00 +0000 2023",
      "full_text": "عاجل | إصابة 5 مدنيين جراء قصف بقذائف المدفعية من مدفعية النظام استهدف محيط مدرسة في بلدة أعزاز بريف حلب الشمالي الأربعاء الماضي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1692626920534966316",
      "created_at": "Fri Aug 18 19:58:00 +0000 2023",
      "full_text": "Turkish forces struck the area around a school in Ain al-Arab in eastern Aleppo on 18 August, killing eight civilians, local sources said. Six people were wounded. Other sources blamed SDF shelling for the attack.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1692800564720566317",
      "created_at": "Sat Aug 19 07:28:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل ثمانية مدنيين، بينهم امرأتان وإصابة 6 آخرين مساء أمس، جراء ضربة بطائرة مسيرة من مسيرة تركية استهدف محيط مدرسة في كوباني.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1693330556974006318",
      "created_at": "Sun Aug 20 18:34:00 +0000 2023",
      "full_text": "عين العرب: مقتل ثمانية مدنيين وإصابة ما لا يقل عن ثمانية آخرين إثر غارة بطائرة مسيرة من مسيرة تركية على محيط مدرسة أمس الأول #عين_العرب وبينما اتهم ناشطون مسيرة تركية بتنفيذ القصف، حمّلت مصادر أخرى قسد المسؤولية.",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "عين_العرب"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1693902827811766319",
      "created_at": "Tue Aug 22 08:28:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل ما لا يقل عن ثمانية مدنيين، بينهم امرأتان وإصابة 9 آخرين يوم الجمعة ١٨ أغسطس، جراء ضربة بطائرة مسيرة من الطيران المسير التركي استهدف محيط مدرسة في مدينة عين العرب بريف حلب الشرقي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1696508497228726320",
      "created_at": "Tue Aug 29 13:02:00 +0000 2023",
      "full_text": "غارة جوية من الطيران الحربي الروسي على مخيم يؤوي عائلات نازحة في مدينة ادلب عصر اليوم، ما أدى إلى مقتل ٥ مدنيين، بينهم امرأتان وإصابة تسعة آخرين. #إدلب",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "إدلب"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1697632654586806321",
      "created_at": "Fri Sep 01 15:29:00 +0000 2023",
      "full_text": "ارتفعت حصيلة ضحايا غارات جوية على مدينة إدلب الثلاثاء الماضي إلى ما لا يقل عن 6 قتلى، وفق مصادر محلية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1699340155745206322",
      "created_at": "Wed Sep 06 08:34:00 +0000 2023",
      "full_text": "RT @demo_valley_news: عاجل | مقتل عشرات المدنيين وإصابة عشرات الجرحى جراء غارات جوية من الطائرات الروسية استهدف محيط مدرسة في بلدة جسر الشغور عصر اليوم.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1699472024662966323",
      "created_at": "Wed Sep 06 17:18:00 +0000 2023",
      "full_text": "عاجل | مقتل 25 مدنياً، بينهم امرأتان وإصابة 37 آخرين جراء غارات جوية من طيران الاحتلال الروسي استهدف محيط مدرسة في مدينة جسر الشغور أمس.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1703457032893366324",
      "created_at": "Sun Sep 17 17:13:00 +0000 2023",
      "full_text": "2 people were wounded when rocket fire by Assad forces hit a house in Atareb in western Aleppo this evening, residents said.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1703627657180086325",
      "created_at": "Mon Sep 18 04:31:00 +0000 2023",
      "full_text": "عاجل | إصابة اثنين جراء قصف بصواريخ أرض-أرض من مدفعية النظام استهدف منزل سكني في بلدة اتارب يوم الأحد 17 سبتمبر.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1704818000655286326",
      "created_at": "Thu Sep 21 11:21:00 +0000 2023",
      "full_text": "ضربة صاروخية من قوات النظام على منزل سكني في بلدة الأتارب الأحد الماضي، ما أدى إلى إصابة اثنين. #الأتارب",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "الأتارب"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1706156319175606327",
      "created_at": "Mon Sep 25 03:59:00 +0000 2023",
      "full_text": "قصف جوي من مسيرة تابعة للتحالف الدولي على منزل سكني في بلدة تدمر بريف حمص الشرقي أمس، ما أدى إلى مقتل 3 مدنيين وإصابة ما لا يقل عن ٨ آخرين. #تدمر",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "تدمر"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1706223763583926328",
      "created_at": "Mon Sep 25 08:27:00 +0000 2023",
      "full_text": "عاجل | مقتل 3 مدنيين وإصابة ما لا يقل عن ٨ آخرين جراء غارات جوية من طيران التحالف الدولي استهدف منزل سكني في مدينة تدمر بريف حمص الشرقي أمس.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1707747554227126329",
      "created_at": "Fri Sep 29 13:22:00 +0000 2023",
      "full_text": "البصيرة: مقتل ما لا يقل عن 8 مدنيين وإصابة 39 آخرين إثر قصف جوي من التحالف الدولي على فرن للخبز مساء أمس #البصيرة",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "البصيرة"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1708489191060406330",
      "created_at": "Sun Oct 01 14:29:00 +0000 2023",
      "full_text": "ارتفعت حصيلة ضحايا غارات جوية على مدينة البصيرة بريف دير الزور الشرقي يوم الخميس الماضي إلى تسعة قتلى، وفق مصادر محلية.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1710177314534326331",
      "created_at": "Fri Oct 06 06:17:00 +0000 2023",
      "full_text": "Unidentified aircraft struck a motorbike in Amouda in northern Al-Hasakah yesterday, killing at least 7 civilians, including 2 children, local sources said. 20 people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1712099983487926332",
      "created_at": "Wed Oct 11 13:37:00 +0000 2023",
      "full_text": "قصف مدفعي وصاروخي من الجيش التركي على سوق شعبي في بلدة المالكية بريف الحسكة الشمالي بتاريخ 9/10/2023، ما أدى إلى مقتل مدنيين اثنين وإصابة اثنين. #المالكية",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "المالكية"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1712371522728886333",
      "created_at": "Thu Oct 12 07:36:00 +0000 2023",
      "full_text": "قصف مدفعي من قسد على سوق شعبي في المالكية بريف الحسكة الشمالي الإثنين الماضي، ما أدى إلى مقتل مدنيين اثنين وإصابة اثنين. #المالكية",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "المالكية"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1712697923466166334",
      "created_at": "Fri Oct 13 05:13:00 +0000 2023",
      "full_text": "RT @demo_valley_news: A Turkish drone struck a busy market in Derik in northern Al-Hasakah early today, killing two civilians, local sources said. 2 people were wounded. Other sources blamed SDF shelling for the attack.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1712848918410166335",
      "created_at": "Fri Oct 13 15:13:00 +0000 2023",
      "full_text": "المالكية: مقتل مدنيين اثنين وإصابة اثنين إثر قصف مدفعي من قوات سوريا الديمقراطية على سوق شعبي الإثنين الماضي #المالكية",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "المالكية"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1713408103019446336",
      "created_at": "Sun Oct 15 04:15:00 +0000 2023",
      "full_text": "أفاد ناشطون محليون بمقتل خمسة مدنيين، بينهم ما لا يقل عن ٣ أطفال وإصابة عشرات الجرحى يوم الأحد خمسة عشر أكتوبر، جراء استهداف بمسيرة من مسيرة تركية استهدف فرن للخبز في منبج بريف حلب الشرقي.",
      "lang": "ar",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1714129607193526337",
      "created_at": "Tue Oct 17 04:02:00 +0000 2023",
      "full_text": "منبج: مقتل خمسة مدنيين، بينهم 3 أطفال وإصابة 25 آخرين إثر ضربة بطائرة مسيرة من الطيران المسير التركي على فرن للخبز الأحد الماضي #منبج",
      "lang": "ar",
      "entities": {
        "hashtags": [
          {
            "text": "منبج"
          }
        ],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  },
  {
    "tweet": {
      "id_str": "1715228095411126338",
      "created_at": "Fri Oct 20 04:47:00 +0000 2023",
      "full_text": "Russian jets struck the area around a school in Darkush in western Idlib early today, killing at least 8 civilians, local sources said. Dozens of people were wounded.",
      "lang": "en",
      "entities": {
        "hashtags": [],
        "urls": []
      },
      "demo": "invented – no real event, figure or person"
    }
  }
]
