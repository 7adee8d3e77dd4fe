/**
 * Name, city and mobile-number pools per country for `generateContacts`. A name is either plain
 * or a `[native script, Latin transliteration]` pair: the contact shows the native form and its
 * email uses the Latin one.
 */
export type PersonName = string | readonly [native: string, latin: string];

export interface CountryPeople {
  country: string;
  callingCode: string;
  /** How often a generated contact is from this country, relative to the others. */
  weight: number;
  /** National-number prefixes of mobile ranges; each is followed by `subscriberDigits` random digits. */
  mobilePrefixes: readonly string[];
  subscriberDigits: number;
  firstNames: readonly PersonName[];
  lastNames: readonly PersonName[];
  /** Share of contacts written in the native script, for countries with pairs. */
  nativeShare: number;
  /** Family name first in the native script (Japanese). */
  familyNameFirst?: boolean;
  /** Share of contacts with two family names (Brazil, Mexico). */
  secondLastNameShare?: number;
  cities: readonly string[];
}

const usAreaCodes = ['212', '415', '312', '617', '206', '305', '512', '303', '404', '702'];

// Prefixes checked against libphonenumber-js/min metadata: every number they produce is a valid mobile.
export const countries: readonly CountryPeople[] = [
  {
    country: 'BR',
    callingCode: '55',
    weight: 16,
    mobilePrefixes: ['119', '219', '319', '419', '519', '619', '719', '819', '859', '479', '489', '629', '919', '279', '139'],
    subscriberDigits: 8,
    firstNames: ['Ana', 'João', 'Maria', 'José', 'Francisca', 'Antônio', 'Beatriz', 'Lucas', 'Gabriela', 'Rafael', 'Letícia', 'Matheus', 'Juliana', 'Thiago', 'Camila', 'Felipe', 'Larissa', 'Guilherme', 'Fernanda', 'Vinícius'],
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes', 'Ribeiro', 'Carvalho', 'Araújo', 'Conceição', 'Nascimento', 'Magalhães'],
    nativeShare: 1,
    secondLastNameShare: 0.4,
    cities: ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre', 'Recife', 'Fortaleza', 'Goiânia'],
  },
  {
    country: 'IN',
    callingCode: '91',
    weight: 14,
    mobilePrefixes: ['98', '99', '97', '96', '95', '94', '93', '90', '91', '70', '80', '88', '89', '63', '62'],
    subscriberDigits: 8,
    firstNames: [['प्रिया', 'Priya'], ['राहुल', 'Rahul'], ['अनन्या', 'Ananya'], ['अर्जुन', 'Arjun'], 'Deepika', 'Vikram', 'Sneha', 'Karthik', 'Lakshmi', 'Rohan', 'Aisha', 'Siddharth', 'Meera', 'Aditya', 'Kavya', 'Nikhil'],
    lastNames: [['शर्मा', 'Sharma'], ['पटेल', 'Patel'], ['गुप्ता', 'Gupta'], ['सिंह', 'Singh'], 'Reddy', 'Iyer', 'Nair', 'Menon', 'Das', 'Chatterjee', 'Kulkarni', 'Rao', 'Joshi', 'Mehta'],
    nativeShare: 0.2,
    cities: ['Bengaluru', 'Mumbai', 'Delhi', 'Chennai', 'Hyderabad', 'Pune', 'Kolkata', 'Kochi'],
  },
  {
    country: 'US',
    callingCode: '1',
    weight: 14,
    mobilePrefixes: usAreaCodes.flatMap((areaCode) => [...'23456789'].map((digit) => areaCode + digit)),
    subscriberDigits: 6,
    firstNames: ['James', 'Mary', 'Michael', 'Jennifer', 'David', 'Emily', 'Christopher', 'Jessica', 'Daniel', 'Ashley', 'Matthew', 'Sarah', 'Tyler', 'Hannah', 'Brandon', 'Olivia', 'DeShawn', 'Keisha'],
    lastNames: ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', "O'Connor", 'Nguyen', 'Kim', 'Thompson', 'Washington', 'Ramirez'],
    nativeShare: 1,
    cities: ['New York', 'San Francisco', 'Chicago', 'Boston', 'Seattle', 'Miami', 'Austin', 'Denver', 'Atlanta', 'Las Vegas'],
  },
  {
    country: 'GB',
    callingCode: '44',
    weight: 8,
    mobilePrefixes: ['74', '75', '78', '73', '71', '72'],
    subscriberDigits: 8,
    firstNames: ['Oliver', 'Amelia', 'George', 'Isla', 'Harry', 'Ava', 'Jack', 'Sophie', 'Charlie', 'Grace', 'Alfie', 'Freya', 'Siobhan', 'Rhys'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Wright', 'Hughes', 'Edwards', 'Clarke'],
    nativeShare: 1,
    cities: ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Cardiff'],
  },
  {
    country: 'DE',
    callingCode: '49',
    weight: 8,
    mobilePrefixes: ['151', '152', '160', '162', '170', '171', '172', '173', '174', '175', '176', '177', '178', '179', '157', '159', '163'],
    subscriberDigits: 8,
    firstNames: ['Lukas', 'Lena', 'Jonas', 'Hannah', 'Felix', 'Lea', 'Maximilian', 'Anna', 'Jürgen', 'Sophie', 'Björn', 'Mia', 'Tobias', 'Käthe'],
    lastNames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Schäfer', 'Koch', 'Groß', 'Köhler'],
    nativeShare: 1,
    cities: ['Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt am Main', 'Stuttgart', 'Düsseldorf', 'Leipzig'],
  },
  {
    country: 'FR',
    callingCode: '33',
    weight: 7,
    mobilePrefixes: ['60', '61', '62', '64', '65', '66', '67', '68', '75', '76', '77', '78'],
    subscriberDigits: 7,
    firstNames: ['Léa', 'Hugo', 'Chloé', 'Louis', 'Manon', 'Gabriel', 'Camille', 'Raphaël', 'Inès', 'Théo', 'Zoé', 'Noé', 'Élodie', 'François'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Lefèvre', 'Moreau', 'Girard', 'Fontaine', 'Rousseau', 'Bélanger'],
    nativeShare: 1,
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nice', 'Nantes', 'Bordeaux', 'Lille'],
  },
  {
    country: 'MX',
    callingCode: '52',
    weight: 9,
    mobilePrefixes: ['55', '33', '81'],
    subscriberDigits: 8,
    firstNames: ['José', 'Guadalupe', 'Juan', 'María', 'Luis', 'Sofía', 'Carlos', 'Valentina', 'Jesús', 'Ximena', 'Miguel Ángel', 'Regina', 'Alejandro', 'Fernanda'],
    lastNames: ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez', 'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Núñez', 'Peña'],
    nativeShare: 1,
    secondLastNameShare: 0.5,
    cities: ['Ciudad de México', 'Guadalajara', 'Monterrey', 'Zapopan', 'Mérida'],
  },
  {
    country: 'NG',
    callingCode: '234',
    weight: 7,
    mobilePrefixes: ['803', '806', '813', '816', '703', '706', '805', '807', '811', '905', '908', '802', '808', '812', '701', '902'],
    subscriberDigits: 7,
    firstNames: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Emeka', 'Funmilayo', 'Ibrahim', 'Aisha', 'Tunde', 'Chiamaka', 'Yusuf', 'Blessing', 'Obinna', 'Zainab'],
    lastNames: ['Okafor', 'Adeyemi', 'Okonkwo', 'Bello', 'Eze', 'Ogunleye', 'Abubakar', 'Nwosu', 'Balogun', 'Ibrahim', 'Chukwu', 'Danjuma'],
    nativeShare: 1,
    cities: ['Lagos', 'Abuja', 'Kano', 'Ibadan', 'Port Harcourt', 'Enugu'],
  },
  {
    country: 'JP',
    callingCode: '81',
    weight: 6,
    mobilePrefixes: ['90', '80', '70'],
    subscriberDigits: 8,
    firstNames: [['太郎', 'Taro'], ['花子', 'Hanako'], ['翔太', 'Shota'], ['陽菜', 'Hina'], ['健', 'Ken'], ['さくら', 'Sakura'], ['大輔', 'Daisuke'], ['美咲', 'Misaki'], ['蓮', 'Ren'], ['結衣', 'Yui']],
    lastNames: [['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['高橋', 'Takahashi'], ['田中', 'Tanaka'], ['渡辺', 'Watanabe'], ['伊藤', 'Ito'], ['山本', 'Yamamoto'], ['中村', 'Nakamura'], ['小林', 'Kobayashi'], ['加藤', 'Kato']],
    nativeShare: 0.7,
    familyNameFirst: true,
    cities: ['東京', '大阪', '横浜', '名古屋', '札幌', '福岡'],
  },
  {
    country: 'RU',
    callingCode: '7',
    weight: 6,
    mobilePrefixes: ['903', '905', '906', '909', '910', '915', '916', '925', '926', '977', '999', '921', '911'],
    subscriberDigits: 7,
    firstNames: [['Александр', 'Aleksandr'], ['Анастасия', 'Anastasia'], ['Дмитрий', 'Dmitri'], ['Екатерина', 'Ekaterina'], ['Сергей', 'Sergei'], ['Ольга', 'Olga'], ['Иван', 'Ivan'], ['Мария', 'Maria'], ['Никита', 'Nikita'], ['Юлия', 'Yulia']],
    lastNames: [['Иванов', 'Ivanov'], ['Смирнов', 'Smirnov'], ['Кузнецов', 'Kuznetsov'], ['Попов', 'Popov'], ['Соколов', 'Sokolov'], ['Лебедев', 'Lebedev'], ['Козлов', 'Kozlov'], ['Новиков', 'Novikov'], ['Морозов', 'Morozov'], ['Волков', 'Volkov']],
    nativeShare: 0.6,
    cities: ['Москва', 'Санкт-Петербург', 'Казань', 'Новосибирск', 'Екатеринбург'],
  },
  {
    country: 'EG',
    callingCode: '20',
    weight: 5,
    mobilePrefixes: ['10', '11', '12', '15'],
    subscriberDigits: 8,
    firstNames: [['محمد', 'Mohamed'], ['فاطمة', 'Fatma'], ['أحمد', 'Ahmed'], ['مريم', 'Mariam'], ['عمر', 'Omar'], ['نور', 'Nour'], ['يوسف', 'Youssef'], ['سارة', 'Sara'], ['خالد', 'Khaled'], ['ليلى', 'Layla']],
    lastNames: [['حسن', 'Hassan'], ['إبراهيم', 'Ibrahim'], ['علي', 'Ali'], ['السيد', 'El-Sayed'], ['عبد الله', 'Abdallah'], ['مصطفى', 'Mostafa'], ['سليمان', 'Soliman'], ['فاروق', 'Farouk']],
    nativeShare: 0.6,
    cities: ['القاهرة', 'الإسكندرية', 'الجيزة', 'Cairo', 'Alexandria'],
  },
];

export const emailDomains = ['example.com', 'example.org', 'example.net', 'mail.example', 'inbox.example', 'company.example'];
